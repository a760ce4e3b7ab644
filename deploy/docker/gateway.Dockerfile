# syntax=docker/dockerfile:1
# The gateway (REST API). Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t <registry>/drone-delivery/gateway:<tag> .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build runs npm ci for the pages' browser libraries (gateway-api/Web), which it embeds.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/DroneDelivery.GrainInterfaces.csproj grain-interfaces/
COPY service-defaults/DroneDelivery.ServiceDefaults.csproj service-defaults/
COPY gateway-api/DroneDelivery.GatewayApi.csproj gateway-api/
RUN dotnet restore gateway-api/DroneDelivery.GatewayApi.csproj
COPY grain-interfaces/ grain-interfaces/
COPY service-defaults/ service-defaults/
COPY gateway-api/ gateway-api/
RUN dotnet publish gateway-api/DroneDelivery.GatewayApi.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# The API, health and metrics on 8080, on every interface of the container.
ENV Urls=http://+:8080
EXPOSE 8080
# The non-root user the .NET images define.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 CMD ["healthcheck", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "DroneDelivery.GatewayApi.dll"]
