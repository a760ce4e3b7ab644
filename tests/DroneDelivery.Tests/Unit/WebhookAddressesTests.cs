using System.Net;
using DroneDelivery.ServiceDefaults.Webhooks;

namespace DroneDelivery.Tests.Unit;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]
    public void A_non_public_address_is_not_public(string address) =>
        Assert.False(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void A_public_address_is_public(string address) =>
        Assert.True(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://127.0.0.1/", "Must not point at a loopback, private, link-local or otherwise non-public address.")]
    [InlineData("https://[::1]:8443/hooks", "Must not point at a loopback, private, link-local or otherwise non-public address.")]
    [InlineData("https://LOCALHOST/", "Must not point at localhost.")]
    [InlineData("https://api.localhost/", "Must not point at localhost.")]
    [InlineData("http://hooks.example.com/", "Must be an https URL.")]
    [InlineData("ftp://hooks.example.com/", "Must be an https URL.")]
    public void By_default_a_URL_is_refused_for_its_scheme_or_its_literal_host(string url, string refusal) =>
        Assert.Equal(refusal, WebhookAddresses.Refusal(new Uri(url), new WebhookOptions()));

    [Fact]
    public void A_public_https_URL_is_accepted_and_a_host_name_is_left_to_the_connect_time_check() =>
        Assert.Null(WebhookAddresses.Refusal(new Uri("https://hooks.example.com/drone"), new WebhookOptions()));

    [Fact]
    public void Development_settings_allow_plain_http_to_loopback()
    {
        var development = new WebhookOptions { AllowHttp = true, AllowPrivateTargets = true };
        Assert.Null(WebhookAddresses.Refusal(new Uri("http://127.0.0.1:5000/hooks"), development));
        Assert.Null(WebhookAddresses.Refusal(new Uri("http://localhost/"), development));
        Assert.Equal("Must be an http or https URL.", WebhookAddresses.Refusal(new Uri("ftp://127.0.0.1/"), development));
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_wait_up_to_the_cap()
    {
        var options = new WebhookOptions { InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(30) };
        Assert.Equal(
            [5, 10, 20, 30, 30],
            Enumerable.Range(1, 5).Select(n => options.BackoffAfter(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), options.BackoffAfter(1000));
    }
}
