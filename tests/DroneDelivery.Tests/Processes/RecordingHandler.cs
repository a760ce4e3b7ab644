namespace DroneDelivery.Tests.Processes;

/// <summary>
/// Puts every answer of a client into a <see cref="ResponseLog"/>, with refused or dropped
/// connections and requests that hang past <see cref="Bound"/>, after which they are given up.
/// </summary>
internal sealed class RecordingHandler(ResponseLog log) : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>Longer than any timeout of the system itself (Orleans' 30-second response timeout).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Bound);
        try
        {
            var response = await base.SendAsync(request, bounded.Token);
            // Buffered here so the log can quote a 5xx body; callers read it again from the buffer.
            await response.Content.LoadIntoBufferAsync(bounded.Token);
            log.Record(request, response, (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync(bounded.Token) : "");
            return response;
        }
        catch (HttpRequestException e)
        {
            if (e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                log.RecordUnreachable();
            }
            else
            {
                log.RecordCut();
            }

            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log.RecordHung(request);
            throw new TimeoutException($"{request.Method} {request.RequestUri} got no answer within {Bound}.");
        }
    }
}
