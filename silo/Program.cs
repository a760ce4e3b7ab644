using DroneDelivery.Silo.Hosting;

SiloApplication.Create(args).Run();
