using System.Text.Json.Nodes;

namespace DroneDelivery.Tests.Hostile;

/// <summary>One operation of the gateway's Swagger document: what a client learns from the contract alone.</summary>
internal sealed record SwaggerOperation(string Method, string Path, string OperationId, IReadOnlyList<SwaggerParameter> Parameters, string? BodySchema)
{
    public IEnumerable<SwaggerParameter> Query => Parameters.Where(p => p.In == "query");

    public IEnumerable<SwaggerParameter> Route => Parameters.Where(p => p.In == "path");

    public override string ToString() => $"{Method} {Path} ({OperationId})";

    /// <summary>Every operation of the document at <c>/swagger/v1/swagger.json</c>, read over HTTP like any client would.</summary>
    public static async Task<IReadOnlyList<SwaggerOperation>> ReadAllAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)))!;
        var operations = new List<SwaggerOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method == "parameters")
                {
                    continue;
                }

                var parameters = operation!["parameters"]?.AsArray()
                    .Select(p => new SwaggerParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), TypeOf(p["schema"])))
                    .ToList() ?? [];
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new SwaggerOperation(
                    method.ToUpperInvariant(),
                    path,
                    operation["operationId"]?.GetValue<string>() ?? throw new InvalidOperationException($"{method} {path} has no operationId."),
                    parameters,
                    body is null ? null : SchemaName(body)));
            }
        }

        return operations;
    }

    private static string SchemaName(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>().Split('/')[^1]
        ?? (schema["items"] is { } items ? SchemaName(items) + "[]" : TypeOf(schema));

    private static string TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
        _ => schema?["$ref"]?.GetValue<string>().Split('/')[^1] ?? "object",
    };
}

internal sealed record SwaggerParameter(string Name, string In, string Type);
