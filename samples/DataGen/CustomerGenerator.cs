namespace AiEtl.Samples.DataGen;

/// <summary>
/// Generates customer rows from one seeded random sequence. Row k depends only on the seed and the
/// rows before it, so a file of N rows is a prefix of the file of M &gt; N rows with the same seed.
/// </summary>
internal sealed class CustomerGenerator
{
    public const string Header = "id,email,name,age,signup_date,last_login,balance,country,active,tags";

    private static readonly DateOnly s_firstSignup = new(2015, 1, 1);
    private static readonly DateOnly s_lastSignup = new(2024, 12, 31);
    private static readonly DateTime s_lastLoginEnd = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    // (as displayed, as used in the e-mail address)
    private static readonly Word[] s_firstNames = Words(
        ("James", "james"), ("Mary", "mary"), ("John", "john"), ("Patricia", "patricia"),
        ("Robert", "robert"), ("Jennifer", "jennifer"), ("Michael", "michael"), ("Linda", "linda"),
        ("David", "david"), ("Elizabeth", "elizabeth"), ("William", "william"), ("Barbara", "barbara"),
        ("Richard", "richard"), ("Susan", "susan"), ("Joseph", "joseph"), ("Jessica", "jessica"),
        ("Thomas", "thomas"), ("Sarah", "sarah"), ("Charles", "charles"), ("Karen", "karen"),
        ("Olivia", "olivia"), ("Liam", "liam"), ("Emma", "emma"), ("Noah", "noah"),
        ("Ava", "ava"), ("Lucas", "lucas"), ("Mia", "mia"), ("Ethan", "ethan"),
        ("Sophia", "sophia"), ("Mateo", "mateo"), ("Priya", "priya"), ("Kwame", "kwame"));

    private static readonly Word[] s_accentedFirstNames = Words(
        ("Zoë", "zoe"), ("Łukasz", "lukasz"), ("José", "jose"), ("Renée", "renee"),
        ("Søren", "soren"), ("François", "francois"), ("Björn", "bjorn"), ("Chloé", "chloe"),
        ("Jürgen", "jurgen"), ("Małgorzata", "malgorzata"), ("Inês", "ines"), ("Siobhán", "siobhan"),
        ("Ayşe", "ayse"), ("Ólafur", "olafur"));

    private static readonly Word[] s_lastNames = Words(
        ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"),
        ("Jones", "jones"), ("Garcia", "garcia"), ("Miller", "miller"), ("Davis", "davis"),
        ("Rodriguez", "rodriguez"), ("Martinez", "martinez"), ("Hernandez", "hernandez"), ("Lopez", "lopez"),
        ("Wilson", "wilson"), ("Anderson", "anderson"), ("Taylor", "taylor"), ("Thomas", "thomas"),
        ("Moore", "moore"), ("Jackson", "jackson"), ("Martin", "martin"), ("Lee", "lee"),
        ("O'Brien", "obrien"), ("Nowak", "nowak"), ("Kowalski", "kowalski"), ("Dubois", "dubois"),
        ("Okafor", "okafor"), ("Patel", "patel"));

    private static readonly Word[] s_accentedLastNames = Words(
        ("Müller", "muller"), ("Núñez", "nunez"), ("Søndergaard", "sondergaard"), ("Öztürk", "ozturk"),
        ("Brontë", "bronte"), ("Wiśniewski", "wisniewski"), ("Łaski", "laski"), ("Gonçalves", "goncalves"));

    // Full names written family name first, without a space.
    private static readonly Word[] s_eastAsianNames = Words(
        ("김민준", "kim.minjun"), ("이서연", "lee.seoyeon"), ("박지호", "park.jiho"), ("최수아", "choi.sua"),
        ("정하준", "jung.hajun"), ("佐藤花子", "sato.hanako"), ("鈴木一郎", "suzuki.ichiro"), ("王伟", "wang.wei"));

    private static readonly byte[][] s_nicknames = Bytes("JJ", "Bobby", "Liz", "Mo", "Ace", "Doc", "Sunny", "Bea");

    private static readonly byte[][] s_domains = Bytes("example.com", "example.org", "example.net", "mail.example", "shop.example");

    private static readonly byte[][] s_countries = Bytes(
        "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "PL", "KR", "JP", "BR", "CA", "AU", "IN",
        "ES", "IT", "NL", "SE", "DK", "NO", "MX", "ZA", "NG", "IE", "PT", "TR", "CH", "AT", "CN");

    private static readonly byte[][] s_tags = Bytes(
        "vip", "newsletter", "beta", "churn-risk", "partner", "wholesale", "early-adopter", "support-priority");

    private readonly Xoshiro256StarStar _random;
    private readonly byte[] _scratch = new byte[1024];
    private readonly int _signupDays = s_lastSignup.DayNumber - s_firstSignup.DayNumber + 1;
    private long _lastIssuedId;
    private long _rowNumber;

    public CustomerGenerator(ulong seed) => _random = new Xoshiro256StarStar(seed);

    public static void WriteHeader(Utf8CsvWriter w)
    {
        w.Raw(Utf8CsvWriter.Utf8(Header));
        w.EndRow();
    }

    public void WriteRow(Utf8CsvWriter w)
    {
        var r = _random;
        _rowNumber++;

        // id: sequential, but about 1% of rows reuse an id already written.
        var id = _lastIssuedId > 0 && r.Chance(1) ? 1 + r.Next(_lastIssuedId) : ++_lastIssuedId;
        w.Int(id);
        w.Comma();

        // name (and the e-mail derived from it)
        var nameLength = 0;
        byte[] emailFirst;
        byte[]? emailLast;
        var shape = r.Next(100);
        if (shape < 4)
        {
            var full = r.Pick(s_eastAsianNames);
            Append(ref nameLength, full.Display);
            emailFirst = full.Slug;
            emailLast = null;
        }
        else
        {
            // about one first name and one family name in seven is spelt outside ASCII
            var first = r.Pick(r.Chance(15) ? s_accentedFirstNames : s_firstNames);
            var last = r.Pick(r.Chance(15) ? s_accentedLastNames : s_lastNames);
            emailFirst = first.Slug;
            emailLast = last.Slug;
            if (shape < 12)
            {
                // Smith, John
                Append(ref nameLength, last.Display);
                Append(ref nameLength, ", "u8);
                Append(ref nameLength, first.Display);
            }
            else if (shape < 15)
            {
                // Smith, John "JJ"
                Append(ref nameLength, last.Display);
                Append(ref nameLength, ", "u8);
                Append(ref nameLength, first.Display);
                Append(ref nameLength, " \""u8);
                Append(ref nameLength, r.Pick(s_nicknames));
                Append(ref nameLength, "\""u8);
            }
            else if (shape < 17)
            {
                // John "JJ" Smith
                Append(ref nameLength, first.Display);
                Append(ref nameLength, " \""u8);
                Append(ref nameLength, r.Pick(s_nicknames));
                Append(ref nameLength, "\" "u8);
                Append(ref nameLength, last.Display);
            }
            else
            {
                Append(ref nameLength, first.Display);
                Append(ref nameLength, " "u8);
                Append(ref nameLength, last.Display);
            }
        }

        // email: first.last<row>@domain (the row number keeps addresses unique)
        w.Raw(emailFirst);
        if (emailLast is not null)
        {
            w.Raw((byte)'.');
            w.Raw(emailLast);
        }

        w.Int(_rowNumber);
        w.Raw((byte)'@');
        w.Raw(r.Pick(s_domains));
        w.Comma();

        w.Field(_scratch.AsSpan(0, nameLength));
        w.Comma();

        // age: 18-90, about 5% empty
        if (!r.Chance(5))
        {
            w.Int(18 + r.Next(73));
        }

        w.Comma();

        // signup_date, then last_login at some second between the signup day and the end of the window
        var signup = s_firstSignup.AddDays(r.Next(_signupDays));
        w.Date(signup);
        w.Comma();
        var signupStart = signup.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var windowSeconds = (long)(s_lastLoginEnd - signupStart).TotalSeconds;
        w.UtcTimestamp(signupStart.AddSeconds(r.Next(windowSeconds)));
        w.Comma();

        // balance: two decimal places, about 10% negative
        w.Cents(r.Chance(10) ? -r.Next(500_000L) : r.Next(2_500_000L));
        w.Comma();

        w.Raw(r.Pick(s_countries));
        w.Comma();

        w.Raw(r.Chance(82) ? "true"u8 : "false"u8);
        w.Comma();

        // tags: a JSON array of 0-3 distinct tags, in catalogue order
        var tagCount = r.Chance(35) ? 0 : 1 + r.Next(3);
        var mask = 0;
        while (System.Numerics.BitOperations.PopCount((uint)mask) < tagCount)
        {
            mask |= 1 << r.Next(s_tags.Length);
        }

        var tagsLength = 0;
        Append(ref tagsLength, "["u8);
        for (var i = 0; i < s_tags.Length; i++)
        {
            if ((mask & (1 << i)) == 0)
            {
                continue;
            }

            if (tagsLength > 1)
            {
                Append(ref tagsLength, ","u8);
            }

            Append(ref tagsLength, "\""u8);
            Append(ref tagsLength, s_tags[i]);
            Append(ref tagsLength, "\""u8);
        }

        Append(ref tagsLength, "]"u8);
        w.Field(_scratch.AsSpan(0, tagsLength));

        w.EndRow();
    }

    private void Append(ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }

    private static Word[] Words(params (string Display, string Slug)[] words) =>
        [.. words.Select(w => new Word(Utf8CsvWriter.Utf8(w.Display), Utf8CsvWriter.Utf8(w.Slug)))];

    private static byte[][] Bytes(params string[] values) => [.. values.Select(Utf8CsvWriter.Utf8)];

    private sealed record Word(byte[] Display, byte[] Slug);
}
