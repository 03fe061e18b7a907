namespace AiEtl.Tests.Sensitive;

/// <summary>The scanner's checks one at a time: checksums, the SSA's rules, the name's context, and hard negatives.</summary>
public sealed class SensitiveDataScannerTests
{
    [Fact]
    public void Card_numbers_count_only_when_they_pass_Luhn_so_sixteen_digit_ids_stay_negative()
    {
        var cards = SensitiveDataScanner.ScanColumn("payment", ["4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "4012888888881881"]);
        var ids = SensitiveDataScanner.ScanColumn("payment", ["4111111111111112", "5500000000000005", "4012888888881882", "4000000000000001"]);

        Assert.Equal(SensitiveDataKind.CreditCard, cards.Kind);
        Assert.Equal(1.0, cards.ValidShare);
        Assert.False(ids.IsSensitive);
        Assert.Equal(1.0, ids.PatternShare);
        Assert.Equal(0.0, ids.ValidShare);
        Assert.Contains("fail its check", ids.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Ibans_must_pass_mod_97()
    {
        var valid = SensitiveDataScanner.ScanColumn("x", ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606"]);
        var broken = SensitiveDataScanner.ScanColumn("x", ["DE88 3704 0044 0532 0130 00", "GB83WEST12345698765432", "FR1520041010050500013M02606"]);

        Assert.Equal(SensitiveDataKind.Iban, valid.Kind);
        Assert.False(broken.IsSensitive);
    }

    [Fact]
    public void Ssns_follow_the_area_group_and_serial_rules_and_bare_nine_digits_need_the_name()
    {
        var dashed = SensitiveDataScanner.ScanColumn("x", ["123-45-6789", "536-22-1234", "078-05-1120"]);
        var impossible = SensitiveDataScanner.ScanColumn("x", ["000-45-6789", "666-22-1234", "912-05-1120"]);
        var bare = SensitiveDataScanner.ScanColumn("batch", ["123456789", "536221234", "078051120"]);
        var named = SensitiveDataScanner.ScanColumn("ssn", ["123456789", "536221234", "078051120"]);

        Assert.Equal(SensitiveDataKind.Ssn, dashed.Kind);
        Assert.False(impossible.IsSensitive);
        Assert.False(bare.IsSensitive);
        Assert.Equal(SensitiveDataKind.Ssn, named.Kind);
        Assert.True(named.NameContext);
    }

    [Fact]
    public void Dates_are_dates_of_birth_only_when_the_name_says_so_and_timestamps_never()
    {
        string[] dates = ["1980-04-12", "1975-11-30", "2001-01-02"];

        Assert.Equal(SensitiveDataKind.DateOfBirth, SensitiveDataScanner.ScanColumn("birth_date", dates).Kind);
        Assert.False(SensitiveDataScanner.ScanColumn("signup", dates).IsSensitive);
        Assert.False(SensitiveDataScanner.ScanColumn("dob", ["2024-05-01T10:00:00Z", "2024-05-02T11:00:00Z"]).IsSensitive);
    }

    [Theory]
    [InlineData("order_number", "100234987", "100234988", "100234990")]
    [InlineData("isbn", "978-3-16-148410-0", "9780306406157", "978-0-306-40615-7")]
    [InlineData("id", "31274148-7c7c-404e-8422-d03ef29a6339", "d82c7565-4bb9-47ec-93c1-175427aa7cbc", "6513270e-269e-0d37-f2a7-4de452e6b438")]
    [InlineData("code", "SKU-AB12", "SKU-XY99", "SKU-QQ01")]
    [InlineData("postal", "SW1A 1AA", "10115", "75001")]
    [InlineData("at", "2024-05-01 10:00:00", "2024-05-02 11:30:00", "2024-05-03 09:15:00")]
    [InlineData("product", "Blue Widget", "Red Gadget", "Steel Bolt")]
    [InlineData("opens", "10:22:06", "08:15:00", "17:45:30")]
    public void Hard_negatives_stay_negative(string name, string a, string b, string c)
    {
        var column = SensitiveDataScanner.ScanColumn(name, [a, b, c]);

        Assert.False(column.IsSensitive, column.Evidence);
    }

    [Fact]
    public void Surnames_need_the_name_of_the_column_and_full_names_do_not()
    {
        string[] surnames = ["Okafor", "Lindqvist", "Haddad"];

        Assert.False(SensitiveDataScanner.ScanColumn("town", surnames).IsSensitive);
        Assert.Equal(SensitiveDataKind.PersonName, SensitiveDataScanner.ScanColumn("last_name", surnames).Kind);
        Assert.Equal(SensitiveDataKind.PersonName, SensitiveDataScanner.ScanColumn("who", ["Mary Okafor", "Dr. Lena Haddad", "James Lindqvist"]).Kind);
        Assert.Equal(SensitiveKind.Other, SensitiveDataScanner.ScanColumn("who", ["Mary Okafor", "Dr. Lena Haddad"]).MaskingKind);
    }

    [Fact]
    public void Nulls_and_sentinels_are_not_counted_against_a_kind()
    {
        var column = SensitiveDataScanner.ScanColumn("email", ["a@example.com", null, "", "NA", "b@example.org"]);

        Assert.Equal(SensitiveDataKind.Email, column.Kind);
        Assert.Equal(2, column.Values);
        Assert.Equal(SensitiveKind.Email, column.MaskingKind);
    }
}
