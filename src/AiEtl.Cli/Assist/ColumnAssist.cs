using AiEtl.Assist;

namespace AiEtl.Cli.Assist;

/// <summary>
/// What <c>--assist</c> and <c>--assist-prompt</c> add after a command's output, for <c>schema infer</c> and <c>scan</c>
/// alike: the model's suggestions for the unsure columns as comments with their source, or the prompt it would send. The
/// off message and a model that does not answer go to standard error; the command's own output stays its result.
/// </summary>
internal static class ColumnAssist
{
    public static async Task WriteAsync(SchemaInferenceResult inference, IReadOnlyList<SensitiveColumn>? scan, bool promptOnly, CancellationToken cancellation)
    {
        if (promptOnly)
        {
            var prompt = AssistPrompt.ForColumns(inference, scan, new AssistOptions());
            Console.Out.Write("# the prompt --assist would send (nothing was sent):\n" + string.Concat(prompt.Text.TrimEnd('\n').Split('\n').Select(l => "#   " + l + "\n")));
            return;
        }

        using var client = AssistClient.FromEnvironment();
        if (client is null)
        {
            Console.Error.WriteLine(AssistClient.OffMessage);
            return;
        }

        try
        {
            Console.Out.Write(AssistComments.Write(await new SchemaAssistant(client).SuggestAsync(inference, scan, cancellation)));
        }
        catch (Exception error) when (IsModelFailure(error))
        {
            Console.Error.WriteLine(NoAnswer(error));
        }
    }

    /// <summary>The failures of a model that cannot be reached or refuses (the OpenAI client's retries end in an <see cref="AggregateException"/>).</summary>
    public static bool IsModelFailure(Exception error) =>
        error is HttpRequestException or System.ClientModel.ClientResultException or TaskCanceledException or AggregateException;

    // After its retries the client throws the attempts' errors together; the first says why.
    public static string NoAnswer(Exception error) =>
        $"aietl: --assist: the model did not answer ({(error is AggregateException { InnerExceptions: [var first, ..] } ? first.Message : error.Message)}); nothing suggested";
}
