namespace AiEtl.Cli.DeadLetters;

/// <summary>One line of a dead-letter file: its 1-based number, its text without the newline, and the entry it holds (none for a torn or foreign line).</summary>
internal readonly record struct DeadLetterLine(long Number, string Text, DeadLetterEntry? Entry);
