using DroneDelivery.Deploy.Tests.Infrastructure;
using k8s.Models;

namespace DroneDelivery.Deploy.Tests;

/// <summary>How each overlay runs the apps: cluster identity, probes, ports, disruption and scaling.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays() => [.. KustomizeTree.Overlays().Select(Repository.Relative)];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_pods_are_labelled_with_the_cluster_the_gateway_joins(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        var silo = Workload.Of(tree, App.Silo);
        var gateway = Workload.Of(tree, App.Gateway).SampleConfiguration();

        // Orleans' Kubernetes hosting takes the ids from these labels; the gateway from its configuration.
        Assert.Equal(gateway["DroneDelivery:Cluster:ServiceId"], silo.PodLabels["orleans/serviceId"]);
        Assert.Equal(gateway["DroneDelivery:Cluster:ClusterId"], silo.PodLabels["orleans/clusterId"]);
        var siloConfiguration = silo.SampleConfiguration();
        Assert.Equal(silo.PodLabels["orleans/serviceId"], siloConfiguration["ORLEANS_SERVICE_ID"]);
        Assert.Equal(silo.PodLabels["orleans/clusterId"], siloConfiguration["ORLEANS_CLUSTER_ID"]);
        Assert.Equal("true", siloConfiguration["DroneDelivery:Cluster:Kubernetes"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silos_may_watch_the_pods_of_their_cluster(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        var silo = Workload.Of(tree, App.Silo).Deployment.Spec.Template.Spec;
        var binding = Assert.Single(tree.ResourcesOf<V1RoleBinding>(), b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == silo.ServiceAccountName));
        var role = Assert.Single(tree.ResourcesOf<V1Role>(), r => r.Metadata.Name == binding.RoleRef.Name);

        Assert.Contains(tree.ResourcesOf<V1ServiceAccount>(), a => a.Metadata.Name == silo.ServiceAccountName);
        var pods = Assert.Single(role.Rules, r => r.Resources.Contains("pods"));
        Assert.Equal([""], pods.ApiGroups);
        Assert.Subset(pods.Verbs.ToHashSet(), new HashSet<string> { "get", "list", "watch" });
        Assert.False(silo.AutomountServiceAccountToken == false, "The silo needs its service account token to reach the Kubernetes API.");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Probes_ask_the_health_endpoints_on_the_port_the_app_listens_on(string overlay)
    {
        foreach (var workload in Workload.In(KustomizeTree.Load(Repository.PathOf(overlay))).Where(w => w.App != App.Simulator))
        {
            var container = workload.Container;
            Assert.Equal("/health/live", container.LivenessProbe?.HttpGet?.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe?.HttpGet?.Path);
            var urls = workload.SampleConfiguration()["Urls"];
            foreach (var probe in new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }.OfType<V1Probe>())
            {
                var port = PortNumber(container, probe.HttpGet.Port);
                Assert.True(urls.Split(';').Any(u => new Uri(u.Replace("+", "localhost", StringComparison.Ordinal)).Port == port),
                    $"{workload}: a probe asks port {port}, the app listens on {urls}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_ports_are_the_ones_the_silo_binds(string overlay)
    {
        var silo = Workload.Of(KustomizeTree.Load(Repository.PathOf(overlay)), App.Silo);
        var configuration = silo.SampleConfiguration();
        var defaults = new ServiceDefaults.Cluster.ClusterSettings();
        var siloPort = configuration.TryGetValue("DroneDelivery:Cluster:SiloPort", out var s) ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : defaults.SiloPort;
        var gatewayPort = configuration.TryGetValue("DroneDelivery:Cluster:GatewayPort", out var g) ? int.Parse(g, System.Globalization.CultureInfo.InvariantCulture) : defaults.GatewayPort;

        Assert.Equal(siloPort, PortNumber(silo.Container, "silo"));
        Assert.Equal(gatewayPort, PortNumber(silo.Container, "orleans-gateway"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_autoscalers_and_disruption_budgets_point_at_deployments_that_exist(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        var deployments = tree.ResourcesOf<V1Deployment>().ToList();

        foreach (var service in tree.ResourcesOf<V1Service>())
        {
            var target = Assert.Single(deployments, d => Selects(service.Spec.Selector, d));
            foreach (var port in service.Spec.Ports)
            {
                Assert.Contains(target.Spec.Template.Spec.Containers.SelectMany(c => c.Ports), p => p.Name == port.TargetPort.Value || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == port.TargetPort.Value);
            }
        }

        foreach (var budget in tree.ResourcesOf<V1PodDisruptionBudget>())
        {
            Assert.Single(deployments, d => Selects(budget.Spec.Selector.MatchLabels, d));
        }

        var scaled = tree.ResourcesOf<V2HorizontalPodAutoscaler>().ToList();
        foreach (var autoscaler in scaled)
        {
            Assert.Equal("Deployment", autoscaler.Spec.ScaleTargetRef.Kind);
            var target = Assert.Single(deployments, d => d.Metadata.Name == autoscaler.Spec.ScaleTargetRef.Name);
            Assert.True(autoscaler.Spec.MinReplicas <= autoscaler.Spec.MaxReplicas);
            // Each kubectl apply would otherwise set the count back, under the autoscaler.
            Assert.Null(target.Spec.Replicas);
            Assert.All(tree.DeploymentPatches(target.Metadata.Name), p => Assert.Null(p.Spec?.Replicas));
        }

        // Silos and gateways can lose a pod to a drain or an upgrade and keep serving.
        foreach (var name in new[] { "silo", "gateway" })
        {
            Assert.Contains(scaled, a => a.Spec.ScaleTargetRef.Name == name);
            Assert.Contains(tree.ResourcesOf<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels["app.kubernetes.io/name"] == name);
            Assert.Equal(0, int.Parse(tree.Deployment(name).Spec.Strategy.RollingUpdate.MaxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Ingress_sends_the_public_host_to_the_gateway_with_long_lived_connections(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        var ingress = Assert.Single(tree.ResourcesOf<V1Ingress>());
        var patch = tree.Patches.Select(p => p.Object).OfType<V1Ingress>().LastOrDefault();
        var rules = patch?.Spec?.Rules ?? ingress.Spec.Rules;
        var backend = Assert.Single(Assert.Single(rules).Http.Paths).Backend.Service;
        var service = Assert.Single(tree.ResourcesOf<V1Service>(), s => s.Metadata.Name == backend.Name);

        Assert.Contains(service.Spec.Ports, p => p.Name == backend.Port.Name);
        Assert.Equal(App.Gateway, Workload.In(tree).Single(w => Selects(service.Spec.Selector, w.Deployment)).App);
        // SignalR (/hubs/tracking) holds WebSockets open; NGINX would cut them after 60 s by default.
        Assert.True(int.Parse(ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], System.Globalization.CultureInfo.InvariantCulture) >= 3600);
        Assert.Equal(Assert.Single(rules).Host, Assert.Single(Assert.Single(patch?.Spec?.Tls ?? ingress.Spec.Tls).Hosts));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_runs_as_non_root_with_requests_and_limits(string overlay)
    {
        foreach (var workload in Workload.In(KustomizeTree.Load(Repository.PathOf(overlay))))
        {
            var pod = workload.Deployment.Spec.Template.Spec;
            Assert.True(pod.SecurityContext?.RunAsNonRoot, $"{workload}: runAsNonRoot is not set.");
            Assert.False(workload.Container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{workload}: privilege escalation is allowed.");
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(workload.Container.Resources?.Requests?.ContainsKey(resource), $"{workload}: no {resource} request.");
                Assert.True(workload.Container.Resources?.Limits?.ContainsKey(resource), $"{workload}: no {resource} limit.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_with_workload_identity_use_a_service_account_naming_a_managed_identity(string overlay)
    {
        var tree = KustomizeTree.Load(Repository.PathOf(overlay));
        foreach (var workload in Workload.In(tree).Where(w => w.PodLabels.TryGetValue("azure.workload.identity/use", out var use) && use == "true"))
        {
            var account = workload.Deployment.Spec.Template.Spec.ServiceAccountName;
            Assert.Contains(tree.ResourcesOf<V1ServiceAccount>(), a => a.Metadata.Name == account);
            var annotated = tree.Patches.Select(p => p.Object).OfType<V1ServiceAccount>().LastOrDefault(a => a.Metadata.Name == account)
                ?? tree.ResourcesOf<V1ServiceAccount>().Single(a => a.Metadata.Name == account);
            Assert.True(Guid.TryParse(annotated.Metadata.Annotations["azure.workload.identity/client-id"], out _), $"{overlay}: {account} names no client id.");
        }
    }

    internal static int PortNumber(V1Container container, IntOrString port) =>
        int.TryParse(port.Value, out var number)
            ? number
            : Assert.Single(container.Ports, p => p.Name == port.Value).ContainerPort;

    internal static bool Selects(IDictionary<string, string> selector, V1Deployment deployment) =>
        selector.All(s => deployment.Spec.Template.Metadata.Labels.TryGetValue(s.Key, out var value) && value == s.Value);
}
