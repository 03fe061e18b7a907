using Microsoft.Extensions.AI;

namespace AiEtl.Cli.Tests;

/// <summary>
/// A deterministic in-process <see cref="IChatClient"/>: it records every prompt it is sent and answers with the canned
/// text it was given, so the assistant's tests need no network and no model.
/// </summary>
internal sealed class RecordingChatClient(params string[] answers) : IChatClient
{
    public const string ModelId = "test-model";

    private int _calls;

    public List<string> Prompts { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Prompts.Add(string.Join("\n", messages.Select(m => m.Text)));
        var answer = answers[Math.Min(_calls++, answers.Length - 1)];
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)) { ModelId = ModelId });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the assistant does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("recording", null, ModelId) : null;

    public void Dispose()
    {
    }
}
