using DroneDelivery.GatewayApi.Validation;

namespace DroneDelivery.Tests.Unit;

public sealed class FieldPathTests
{
    [Fact]
    public void Paths_name_fields_as_the_json_of_the_body_does()
    {
        Assert.Equal("pickup", ((FieldPath)"pickup").ToString());
        Assert.Equal("pickup.lat", ((FieldPath)"pickup").Field("lat").ToString());
        Assert.Equal("[12]", FieldPath.Item(12).ToString());
        Assert.Equal("[12].droneId", FieldPath.Item(12).Field("droneId").ToString());
        Assert.Equal("[0].location.alt", FieldPath.Item(0).Field("location").Field("alt").ToString());
    }

    [Fact]
    public void Errors_of_an_item_are_keyed_by_its_index_and_field()
    {
        var errors = new ValidationErrors(DateTimeOffset.UtcNow);

        errors.Location(FieldPath.Item(3), lat: 95, lon: null, alt: 0);

        Assert.Equal(["[3].lat", "[3].lon"], errors.ToDictionary().Keys.Order());
    }
}
