# syntax=docker/dockerfile:1
# The silo. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t <registry>/drone-delivery/silo:<tag> .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/DroneDelivery.GrainInterfaces.csproj grain-interfaces/
COPY grains/DroneDelivery.Grains.csproj grains/
COPY service-defaults/DroneDelivery.ServiceDefaults.csproj service-defaults/
COPY silo/DroneDelivery.Silo.csproj silo/
RUN dotnet restore silo/DroneDelivery.Silo.csproj
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY service-defaults/ service-defaults/
COPY silo/ silo/
RUN dotnet publish silo/DroneDelivery.Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# Health, metrics and the dashboard on 8081; silo-to-silo on 11111; clients (the gateway) on 30000.
# A container has its own address, so the silo listens on every interface of it.
ENV Urls=http://+:8081 \
    DroneDelivery__Cluster__ListenOnAnyHostAddress=true
EXPOSE 8081 11111 30000
# The non-root user the .NET images define.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["healthcheck", "http://127.0.0.1:8081/health/live"]
ENTRYPOINT ["dotnet", "DroneDelivery.Silo.dll"]
