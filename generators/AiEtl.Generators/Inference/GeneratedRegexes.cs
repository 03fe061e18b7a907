using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace System.Text.RegularExpressions
{
    /// <summary>
    /// The runtime's regex generator attribute, which netstandard2.0 lacks: here it only holds the pattern, which
    /// <see cref="AiEtl.Generators.Inference.GeneratedRegexes"/> reads, so the linked files keep one copy of each pattern.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    internal sealed class GeneratedRegexAttribute(string pattern, RegexOptions options) : Attribute
    {
        public GeneratedRegexAttribute(string pattern)
            : this(pattern, RegexOptions.None)
        {
        }

        public string Pattern { get; } = pattern;

        public RegexOptions Options { get; } = options;
    }
}

namespace AiEtl.Generators.Inference
{
    /// <summary>
    /// The bodies of the linked files' <c>[GeneratedRegex]</c> methods: each compiles the pattern of its own attribute
    /// once, as the runtime's generated code would match it.
    /// </summary>
    internal static class GeneratedRegexes
    {
        private static readonly ConcurrentDictionary<(Type, string), Regex> Compiled = new();

        public static Regex Get(Type type, [CallerMemberName] string method = "") =>
            Compiled.GetOrAdd((type, method), static key =>
            {
                var declared = key.Item1.GetMethod(key.Item2, BindingFlags.NonPublic | BindingFlags.Static)!.GetCustomAttribute<GeneratedRegexAttribute>()!;
                return new Regex(declared.Pattern, declared.Options);
            });
    }

    internal partial class CreditCardRecognizer
    {
        private static partial Regex Number() => GeneratedRegexes.Get(typeof(CreditCardRecognizer));
    }

    internal partial class PhoneRecognizer
    {
        private static partial Regex International() => GeneratedRegexes.Get(typeof(PhoneRecognizer));

        private static partial Regex NorthAmerican() => GeneratedRegexes.Get(typeof(PhoneRecognizer));

        private static partial Regex National() => GeneratedRegexes.Get(typeof(PhoneRecognizer));

        private static partial Regex Bare() => GeneratedRegexes.Get(typeof(PhoneRecognizer));

        private static partial Regex Extension() => GeneratedRegexes.Get(typeof(PhoneRecognizer));
    }

    internal partial class IpAddressRecognizer
    {
        private static partial Regex V4() => GeneratedRegexes.Get(typeof(IpAddressRecognizer));

        private static partial Regex V6() => GeneratedRegexes.Get(typeof(IpAddressRecognizer));
    }

    internal partial class NationalIdRecognizer
    {
        private static partial Regex Nino() => GeneratedRegexes.Get(typeof(NationalIdRecognizer));

        private static partial Regex Dni() => GeneratedRegexes.Get(typeof(NationalIdRecognizer));

        private static partial Regex Insee() => GeneratedRegexes.Get(typeof(NationalIdRecognizer));

        private static partial Regex Bsn() => GeneratedRegexes.Get(typeof(NationalIdRecognizer));
    }

    internal partial class IbanRecognizer
    {
        private static partial Regex Shape() => GeneratedRegexes.Get(typeof(IbanRecognizer));
    }

    internal partial class PersonNameRecognizer
    {
        private static partial Regex Name() => GeneratedRegexes.Get(typeof(PersonNameRecognizer));
    }

    internal partial class SsnRecognizer
    {
        private static partial Regex Dashed() => GeneratedRegexes.Get(typeof(SsnRecognizer));

        private static partial Regex Bare() => GeneratedRegexes.Get(typeof(SsnRecognizer));
    }

    internal partial class EmailRecognizer
    {
        private static partial Regex Address() => GeneratedRegexes.Get(typeof(EmailRecognizer));
    }

    internal partial class StreetAddressRecognizer
    {
        private static partial Regex NumberFirst() => GeneratedRegexes.Get(typeof(StreetAddressRecognizer));

        private static partial Regex French() => GeneratedRegexes.Get(typeof(StreetAddressRecognizer));

        private static partial Regex StreetFirst() => GeneratedRegexes.Get(typeof(StreetAddressRecognizer));
    }

    internal static partial class NumberText
    {
        private static partial Regex CommaGrouped() => GeneratedRegexes.Get(typeof(NumberText));

        private static partial Regex DecimalComma() => GeneratedRegexes.Get(typeof(NumberText));

        private static partial Regex YearMonth() => GeneratedRegexes.Get(typeof(NumberText));
    }
}
