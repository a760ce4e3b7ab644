using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DroneDelivery.Deploy.Tests.Infrastructure;

namespace DroneDelivery.Deploy.Tests;

/// <summary>
/// The Dockerfiles, read statically (no Docker engine here): they copy what exists, publish the
/// app with every project it references, start the assembly the project builds, as a non-root user,
/// with a health check.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Apps() => [.. App.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_path_copied_from_the_build_context_exists_and_is_not_docker_ignored(string app)
    {
        var dockerfile = Load(app);
        var ignored = DockerIgnore();
        var sources = dockerfile.Stages.SelectMany(s => s.All("COPY"))
            .Where(c => !c.Flags.Any(f => f.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(c => c.Words.SkipLast(1))
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = Repository.PathOf(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{app}: COPY {source} does not exist.");
            Assert.False(ignored.Any(p => p.IsMatch(source.TrimEnd('/'))), $"{app}: COPY {source} is excluded by .dockerignore.");
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Publishes_the_app_project_after_copying_every_project_it_references(string app)
    {
        var target = App.All.Single(a => a.Name == app);
        var build = Load(app).Stages[0];
        var publish = Assert.Single(build.All("RUN"), r => r.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Equal(target.Project, publish.Words[2]);

        var copied = build.All("COPY").SelectMany(c => c.Words.SkipLast(1)).Select(w => w.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var project in ProjectClosure(target.Project))
        {
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            Assert.True(copied.Contains(folder), $"{app}: {project} is referenced but {folder}/ is not copied.");
            Assert.True(copied.Contains(project), $"{app}: {project} is not copied before the restore.");
        }

        foreach (var shared in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Assert.True(copied.Contains(shared), $"{app}: {shared} is not copied, so the build differs from the repository's.");
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Starts_the_assembly_the_project_builds(string app)
    {
        var target = App.All.Single(a => a.Name == app);
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(Load(app).Final.All("ENTRYPOINT")).Arguments)!;
        var assemblyName = XDocument.Load(Repository.PathOf(target.Project)).Descendants("AssemblyName").SingleOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(target.Project);

        Assert.Equal(["dotnet", $"{assemblyName}.dll"], entrypoint);
        Assert.Equal(target.EntryAssembly.GetName().Name, assemblyName);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Runs_from_a_runtime_image_as_a_non_root_user_with_a_health_check(string app)
    {
        var final = Load(app).Final;
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/(aspnet|runtime)(-deps)?:10\.0", final.Image);

        var user = Assert.Single(final.All("USER")).Arguments;
        // $APP_UID is the non-root user (uid 1654) the .NET images define.
        Assert.True(user is "$APP_UID" or "${APP_UID}" || (user != "root" && !Regex.IsMatch(user, "^0(:|$)")), $"{app}: USER {user} is root.");
        var userIndex = final.Instructions.FindIndex(i => i.Keyword == "USER");
        Assert.DoesNotContain(final.Instructions.Skip(userIndex), i => i.Keyword == "USER" && i.Arguments is "root" or "0");

        var healthCheck = Assert.Single(final.All("HEALTHCHECK")).Arguments;
        Assert.Contains("/health/live", healthCheck, StringComparison.Ordinal);
        Assert.Contains(final.All("COPY"), c => c.Words[^1] == "/usr/local/bin/healthcheck");
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void The_health_check_asks_the_port_the_app_listens_on(string app)
    {
        var final = Load(app).Final;
        var urls = Dockerfile.Environment(final)["Urls"];
        var port = new Uri(urls.Replace("+", "localhost", StringComparison.Ordinal)).Port;

        Assert.Contains($"http://127.0.0.1:{port}/health/live", Assert.Single(final.All("HEALTHCHECK")).Arguments, StringComparison.Ordinal);
        Assert.Contains(final.All("EXPOSE"), e => e.Words.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Dockerfile Load(string app) => Dockerfile.Load(Repository.PathOf(App.All.Single(a => a.Name == app).Dockerfile));

    /// <summary>The project and every project it references, transitively, as repository paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Repository.Relative(path));
            }
        }

        return seen;
    }

    /// <summary>The .dockerignore patterns as regular expressions over context-relative paths.</summary>
    private static List<Regex> DockerIgnore() =>
        [.. IgnoreLines(Repository.PathOf(".dockerignore")).Select(p =>
        {
            var pattern = Regex.Escape(p.TrimEnd('/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
            return new Regex($"^{pattern}(/.*)?$");
        })];

    private static IEnumerable<string> IgnoreLines(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
