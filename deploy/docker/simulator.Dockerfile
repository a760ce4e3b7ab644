# syntax=docker/dockerfile:1
# The drone fleet simulator, a plain console app (no ASP.NET Core). Build from the repository root:
#   docker build -f deploy/docker/simulator.Dockerfile -t <registry>/drone-delivery/simulator:<tag> .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY simulator/DroneDelivery.Simulator.csproj simulator/
RUN dotnet restore simulator/DroneDelivery.Simulator.csproj
COPY simulator/ simulator/
RUN dotnet publish simulator/DroneDelivery.Simulator.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
# The non-root user the .NET images define.
USER $APP_UID
# The simulator serves nothing itself; it is healthy while the gateway it flies for answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD healthcheck "${DroneDelivery__Simulator__GatewayUrl:-http://127.0.0.1:8080}/health/live"
ENTRYPOINT ["dotnet", "DroneDelivery.Simulator.dll"]
