using System.Text;
using CsCheck;
using DroneDelivery.Tests.Infrastructure;
using static DroneDelivery.Tests.Hostile.HostileValues;

namespace DroneDelivery.Tests.Hostile;

/// <summary>
/// The generator of one operation's requests, built from its entry in the Swagger document: about a
/// third valid (ids of real resources, values at the edges), the rest with one part broken: the
/// route's id, a query or header value, or the body.
/// </summary>
internal sealed class HostileCases(HostileWorld world)
{
    private readonly ValidBodies _bodies = new(world);

    public Gen<HostileCase> For(SwaggerOperation operation)
    {
        var spec = OperationCatalogue.For(operation);
        var parameters = operation.Parameters.Where(p => p.In is "query" or "header").ToList();
        var body = operation.BodySchema is { } schema ? _bodies.For(schema) : null;
        var breakable = new List<string>();
        breakable.AddRange(operation.Route.Select(_ => "route"));
        breakable.AddRange(parameters.Select(p => p.Name));
        if (body is not null)
        {
            breakable.AddRange(["body", "body", "body"]);
        }

        return
            from key in KeyFor(spec.Access)
            from id in Ids(spec.Resource)
            from values in Values(parameters)
            from validBody in body ?? Gen.Const((System.Text.Json.Nodes.JsonNode)null!)
            from broken in breakable.Count == 0 ? Gen.Const(-1) : Gen.Int[-breakable.Count, breakable.Count - 1]
            from hostile in Break(broken < 0 ? null : breakable[broken], id, values, operation.BodySchema, validBody)
            select Build(operation, key, hostile);
    }

    private sealed record Parts(string Id, Dictionary<string, string?> Values, HostileBody? Body, bool MustFail, string What);

    private static Gen<Parts> Break(string? part, string id, Dictionary<string, string?> values, string? schema, System.Text.Json.Nodes.JsonNode? body)
    {
        var valid = body is null ? null : new HostileBody(Encoding.UTF8.GetBytes(body.ToJsonString()), HostileBody.Json, false, "valid");
        switch (part)
        {
            case null:
                return Gen.Const(new Parts(id, values, valid, false, "valid"));
            case "route":
                return InvalidId.Select(bad => new Parts(bad, values, valid, true, $"the id '{bad}'"));
            case "body":
                return BodyMutations.Mutate(schema!, body!).Select(b => new Parts(id, values, b, b.MustFail, b.What));
            default:
                var refuse = QueryRules.Invalid.TryGetValue(part, out var invalid) ? invalid.Select(v => (v, true)) : QueryRules.Random.Select(v => (v, false));
                return refuse.Select(r => new Parts(id, new Dictionary<string, string?>(values) { [part] = r.v }, valid, r.Item2, $"{part}={r.v}"));
        }
    }

    private static HostileCase Build(SwaggerOperation operation, string? key, Parts parts)
    {
        var path = operation.Path.Replace("{id}", Escape(parts.Id), StringComparison.Ordinal).Replace("{keyId}", Escape(parts.Id), StringComparison.Ordinal);
        var query = string.Join("&", operation.Query.Where(p => parts.Values[p.Name] is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(parts.Values[p.Name]!)}"));
        var headers = operation.Parameters.Where(p => p.In == "header" && parts.Values[p.Name] is not null).Select(p => (p.Name, parts.Values[p.Name]!)).ToList();
        return new HostileCase(operation, key, query.Length == 0 ? path : $"{path}?{query}", headers, parts.Body, parts.MustFail, parts.What);
    }

    /// <summary>Percent-encoded, except the few ids that are themselves percent sequences the server must decode and refuse.</summary>
    private static string Escape(string id) => id is "%2e%2e" or "a%2Fb" or "%FF%FE" or "%C3%28" ? id : Uri.EscapeDataString(id);

    /// <summary>The caller an operation is meant for, so requests get past authorization to the validation behind it.</summary>
    private Gen<string?> KeyFor(Access access) => access switch
    {
        Access.Anyone => Gen.Const((string?)null),
        Access.Business => Gen.Const<string?>(world.AttackerKey),
        Access.Operator => Gen.Const<string?>(DroneDeliveryCluster.OperatorKey),
        _ => Gen.OneOf<string?>(DroneDeliveryCluster.DroneKey, DroneDeliveryCluster.OperatorKey),
    };

    private Gen<string> Ids(Resource resource) => resource switch
    {
        Resource.Delivery => Any(Gen.OneOf([.. world.VictimDeliveries, .. world.AttackerDeliveries]), ValidId),
        Resource.Package => Any(Gen.OneOf([.. world.VictimPackages]), ValidId),
        Resource.Drone => Any(Gen.OneOf([.. world.Drones]), ValidId),
        Resource.ApiKey => Any(Gen.String[Gen.Char["0123456789abcdef"], 12, 12], ValidId),
        _ => Gen.Const(""),
    };

    private static Gen<Dictionary<string, string?>> Values(IReadOnlyList<SwaggerParameter> parameters)
    {
        Gen<Dictionary<string, string?>> all = Gen.Const(0).Select(_ => new Dictionary<string, string?>());
        foreach (var parameter in parameters)
        {
            var valid = QueryRules.Valid.TryGetValue(parameter.Name, out var gen)
                ? gen
                : throw new InvalidOperationException($"The Swagger document has a parameter '{parameter.Name}' that {nameof(QueryRules)} has no values for.");
            all = all.SelectMany(d => valid.Select(v => new Dictionary<string, string?>(d) { [parameter.Name] = v }));
        }

        return all;
    }
}
