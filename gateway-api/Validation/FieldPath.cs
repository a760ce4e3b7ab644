namespace DroneDelivery.GatewayApi.Validation;

/// <summary>
/// The JSON path of a field, as errors name it: <c>pickup.lat</c>, <c>[3].droneId</c>. It is
/// made into a string only when an error is added, so validating a thousand valid fixes builds
/// no names at all.
/// </summary>
public readonly struct FieldPath
{
    private readonly string? _parent;
    private readonly int _index;
    private readonly string? _name;

    private FieldPath(string? parent, int index, string? name) => (_parent, _index, _name) = (parent, index, name);

    /// <summary>The item at <paramref name="index"/> of a body that is an array.</summary>
    public static FieldPath Item(int index) => new(null, index, null);

    public static implicit operator FieldPath(string path) => new(path, -1, null);

    /// <summary>The field <paramref name="name"/> of this one.</summary>
    public FieldPath Field(string name) => _name is null ? new(_parent, _index, name) : new(ToString(), -1, name);

    public override string ToString()
    {
        var path = _index < 0 ? _parent ?? string.Empty : $"{_parent}[{_index}]";
        return _name is null ? path : path.Length == 0 ? _name : $"{path}.{_name}";
    }
}
