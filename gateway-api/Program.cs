using DroneDelivery.GatewayApi.Hosting;

GatewayApplication.Create(args).Run();
