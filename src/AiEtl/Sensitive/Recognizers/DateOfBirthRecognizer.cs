using System.Globalization;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>
/// Dates of birth: dates without a time (ISO, <c>dd.MM.yyyy</c>, <c>dd/MM/yyyy</c>, <c>MM/dd/yyyy</c>) from 1900 to today. Any date
/// column looks so, so the values alone are half the evidence: the name (<c>dob</c>, <c>birth_date</c>) must say it.
/// </summary>
internal sealed class DateOfBirthRecognizer : Recognizer
{
    private static readonly string[] Forms = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "M/d/yyyy", "yyyy/MM/dd", "yyyyMMdd"];

    private static readonly HashSet<string> Context = Words("dob", "birth", "birthday", "born", "birthdate", "dateofbirth", "bday", "geburtsdatum");

    public override SensitiveDataKind Kind => SensitiveDataKind.DateOfBirth;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.5;

    public override (double Strength, bool Pattern) Match(string value)
    {
#if AIETL_GENERATOR
        if (!DateTime.TryParseExact(value, Forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (0, false);
        }

        return date.Year >= 1900 && date.Date <= DateTime.UtcNow.Date ? (0.5, true) : (0, true);
#else
        if (!DateOnly.TryParseExact(value, Forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (0, false);
        }

        return date.Year >= 1900 && date <= DateOnly.FromDateTime(DateTime.UtcNow) ? (0.5, true) : (0, true);
#endif
    }
}
