using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AiEtl.Cli.Assist;

/// <summary>
/// The model <c>--assist</c> talks to, only when configured: <c>OPENAI_API_KEY</c> set (the seed's variable), with
/// <c>OPENAI_MODEL</c> (gpt-4o-mini by default) and <c>OPENAI_BASE_URL</c> for an OpenAI-compatible server, which may run
/// on this machine. Without the key there is no client and nothing leaves the machine.
/// </summary>
internal static class AssistClient
{
    public const string DefaultModel = "gpt-4o-mini";

    public const string OffMessage = "aietl: --assist is off: set OPENAI_API_KEY (and OPENAI_MODEL, OPENAI_BASE_URL if need be) to send a small masked sample to a language model; nothing was sent";

    /// <summary>The client the environment configures, or <see langword="null"/> when <c>OPENAI_API_KEY</c> is not set.</summary>
    public static IChatClient? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("OPENAI_API_KEY") is not { Length: > 0 } key)
        {
            return null;
        }

        var model = Environment.GetEnvironmentVariable("OPENAI_MODEL") is { Length: > 0 } name ? name : DefaultModel;
        var options = new OpenAIClientOptions();
        if (Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } url)
        {
            options.Endpoint = new Uri(url);
        }

        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), options).AsIChatClient();
    }
}
