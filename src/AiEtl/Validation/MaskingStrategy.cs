namespace AiEtl;

/// <summary>How <see cref="SensitiveDataMasker"/> replaces a sensitive value it finds in text.</summary>
public enum MaskingStrategy
{
    /// <summary>
    /// Keeps enough to tell values apart, as the masking of <c>[Sensitive]</c> fields does: an e-mail keeps its first
    /// character and its domain (<c>j***@example.com</c>), a phone number its last two digits, a social security or
    /// card number its last four (<c>***6789</c>). The default.
    /// </summary>
    Partial,

    /// <summary>Replaces the whole value with its kind in brackets: <c>[ssn]</c>, <c>[credit_card]</c>, <c>[email]</c>, <c>[phone]</c>.</summary>
    Redact,

    /// <summary>
    /// Replaces the value with a keyed hash (HMAC-SHA256 with <see cref="MaskingOptions.HashKey"/>, first 16 hex digits):
    /// <c>email:3f9a0c1d2b7e4a55</c>. The same value gives the same text in every message and run, so masked errors
    /// can still be joined, while the value cannot be recovered without the key.
    /// </summary>
    KeyedHash,
}
