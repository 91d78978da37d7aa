namespace Pursearch.Core.Money;

/// <summary>An ISO 4217 currency code (upper case, one of the active codes).</summary>
public readonly record struct Currency
{
    // Active ISO 4217 codes; a fixed list keeps validation independent of the machine's ICU data.
    private static readonly HashSet<string> Codes = new(
        ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
         "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
         "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT " +
         "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR " +
         "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP " +
         "STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG " +
         "XOF XPF YER ZAR ZMW ZWG").Split(' '),
        StringComparer.Ordinal);

    public static readonly Currency Usd = new("USD");
    public static readonly Currency Eur = new("EUR");
    public static readonly Currency Gbp = new("GBP");

    public string Code { get; }

    public Currency(string code, string field = "currency")
    {
        var upper = Guard.NotBlank(code, field).ToUpperInvariant();
        if (!Codes.Contains(upper))
            throw new DomainException(field, $"'{code}' is not an ISO 4217 currency code");
        Code = upper;
    }

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code.Trim().ToUpperInvariant());

    public override string ToString() => Code;
}
