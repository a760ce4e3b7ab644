using DroneDelivery.Simulator;
using Microsoft.Extensions.Hosting;

SimulatorApplication.Create(args).Run();
