using DroneDelivery.GatewayApi.History;
using DroneDelivery.GrainInterfaces.Errors;

namespace DroneDelivery.Tests.Unit;

public sealed class HistoryContinuationTokenTests
{
    [Fact]
    public void A_token_round_trips_for_the_business_it_was_issued_to()
    {
        var token = new HistoryContinuationToken("biz-1|2026-11", "0639000000000000000|order-7");
        Assert.Equal(token, HistoryContinuationToken.Decode(token.Encode(), "biz-1"));
    }

    [Fact]
    public void No_token_is_the_first_page()
    {
        Assert.Null(HistoryContinuationToken.Decode(null, "biz-1"));
        Assert.Null(HistoryContinuationToken.Decode("", "biz-1"));
    }

    [Theory]
    [InlineData("biz-2")]   // another business
    [InlineData("biz")]     // a prefix of the owner's id is not the owner
    public void Another_business_cannot_use_a_token(string businessId)
    {
        var token = new HistoryContinuationToken("biz-1|2026-11", "0639000000000000000|order-7").Encode();
        var error = Assert.Throws<DomainException>(() => HistoryContinuationToken.Decode(token, businessId));
        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Equal("continuationToken", error.Field);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8")]   // base64 of something else
    public void A_token_this_API_did_not_issue_is_invalid(string token)
    {
        Assert.Equal("continuationToken", Assert.Throws<DomainException>(() => HistoryContinuationToken.Decode(token, "biz-1")).Field);
    }
}
