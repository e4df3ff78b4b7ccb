import Foundation

extension SessionDictionary {
    /// The library's generic session dictionary, what every codec compresses with by default:
    /// no training needed, and cookies smaller than deflate makes them on session shapes it never
    /// saw (docs/benchmarks.md, "Small without training").
    ///
    /// A 4 KiB zstd dictionary trained on 2,000 synthesized sessions of many frameworks' shapes
    /// (ids, roles, CSRF and OAuth state, flash messages, times, locales, carts, feature flags),
    /// never on a real session: it knows JSON's punctuation, times and the keys most apps share,
    /// not your app's own keys and values. A dictionary trained on your sessions
    /// (`sealed-cookie dictionary train`) makes cookies about 45 % smaller still; move to it with a
    /// staged ring (<doc:Dictionaries>), since every codec keeps opening this one's values.
    ///
    /// Built-in id 1 (SPEC.md, section 7.1): its bytes never change; a better one would ship
    /// under another built-in id. They are `Dictionaries/generic-v1.zdict`, which
    /// `scripts/train-generic-dictionary` reproduces.
    public static let generic = SessionDictionary(builtInID: 1, bytes: GenericDictionaryBytes.decoded)

    /// Every built-in dictionary: every codec opens values made with any of them.
    static let builtIn = [generic]
}

/// The bytes of ``SessionDictionary/generic``, whose digest (SPEC.md, section 5) is
/// `49cb7bd98407b34d1947311d9b5c991796cd17237c247f45b6771bf9ceba02a8`.
enum GenericDictionaryBytes {
    /// Base64 keeps the source small and quick to compile (an array literal of 4,096 numbers is
    /// neither); a test checks the decoded bytes against the file and the digest.
    static var decoded: [UInt8] {
        [UInt8](Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data())
    }

    private static let base64 = """
        N6Qw7AGAAAA5ELAS6TBMIR0sUjoEQRAEqb748kvs3kVkl2xdI0lJsY32wD/ZeMAe+Af+ubLOzMzMTNFW6R2SJMAB0wAAAAoI
        hmNCqsEXAATAychGRU5LSedzkTwgJVEOo4xSBhkCDAAwBKAIAAAAAAD0z4ZBiVwkF8QwCIIYiMM4SBnLVQkAAAABAAAABAAA
        AAgAAAAiLCJyZW1lbWJlcl9tZSI6dHJ1ZSwicm9sZXMiOlsic3VwcG9ydCIsImFkbWluNywiYXBwX3Byb2R1Y3RfaWQiOjE2
        ODgyLCJhcHBfcXR5Ijo0LCJhcHBfc2t1IjoiVFhyLnVzZXIua2V5IjpbWzQxOTE5MF0sIiQyYSQxMiQ3M3dERjlrMy4ySEw4
        bXRtd21HbiDQv9Cw0YDQvtC70YwuIiwidHlwZSI6ImFsZXJ0In0sImxhc3RfYWN0aXZpdHkiOjE3OiLQktGLINGD0YHQv9C1
        0YjQvdC+INCy0L7RiNC70LguIn0sImxhc3Rfc2VlbiI6MTdyY2VkIl0sImV4cGlyZXNfYXQiOjE3OTQzOTgxNTk1NTQsIm5l
        eHQiOiIvb3JkZXJzLyJ0eiI6IkFzaWEvU2VvdWwifXsiY2FydCI6eyJjb3Vwb25fY29kZSI6IlNBVkU0MCIsbGUuY29tL2F1
        dGgvY2FsbGJhY2siLCJzdGF0ZSI6IlJBdFpNVEVjb0k5Z3NLeUx3S01kaXJlY3RfdG8iOiIvYWRtaW4vdXNlcnMiLCJ0eiI6
        IkFtZXJpY2EvTG9zX0FuZ2VsZSJ9LCJyZXR1cm5UbyI6Ii9zZWFyY2g/cT1tdWciLCJ0aW1lem9uZSI6IkFmcmljYS9McnRf
        Y29tbWVudHMiLCJ0aWNrZXRzOnVwZGF0ZSIsImNvbW1lbnRzOm1hbmFnZSJdLCIifSx7Im5hbWUiOiJDZXJhbWljIE11ZyIs
        InByaWNlIjoiMzIuNjMiLCJxdHkiOjEsIiwicmVtb3RlX2lwIjoiMTkyLjE2OC4xNDkuOTIiLCJyb2xlcyI6WyJtYW5hZ2Vy
        IiwiIiwiX3R3b19mYWN0b3JfcGFzc2VkIjp0cnVlfXsiYWNjZXNzVG9rZW4iOiJ5YTI5LnY4Nzg2OCIsIl9zZXNzaW9uX2V4
        cGlyeSI6MH17ImF1dGhlbnRpY2F0ZWRBdCI6IjIwMmxldGUiXSwicm9sZXMiOlsidmlld2VyIiwiZWRpdG9yIiwibWVtYmVy
        Il0sInNlc3NpZW5hYmxlZEZlYXR1cmVzIjpbImlubGluZV9lZGl0aW5nIl0sImxvZ2dlZEluQXQiOjEic3RhdHVzIjoi5oKo
        55qE5pu05pS55bey5L+d5a2Y44CCIn17ImFjY291bnRJZCI6IiJodHRwczovL2Nkbi5leGFtcGxlLm9yZy9hdmF0YXJzLzEw
        MDc3NDg/dj00IiwibmFtbnRzIjp7ImhvbWVwYWdlX2hlcm8iOiJjIiwic2VhcmNoX3JhbmtpbmciOiJjIn0sImYwMzI1Iiwi
        YXBwX3RpdGxlIjoiRWxlY3RyaWMgS2V0dGxlIn0seyJhcHBfcHJpY2VfY2x0ZXJhw6fDtWVzIGZvcmFtIHNhbHZhcy4iLCJ1
        cmwiOnsiaW50ZW5kZWQiOiJodHRwODYxMjAiLCJ0aXRsZSI6Ik1lY2hhbmljYWwgS2V5Ym9hcmQifV0sInVwZGF0ZWRfYXRs
        bGF1dGguYWNjb3VudC5hdXRoX2JhY2tlbmRzLkF1dGhlbnRpY2F0aW9uQmFja2VuZGRhdGVfcHJvamVjdHMiXSwicGVyc2lz
        dGVudCI6dHJ1ZSwicmVtZW1iZXJfdG9rZW4ibmFtZSI6Ik9mZmljZSBDaGFpciIsInByaWNlIjoiNTkuMzYiLCJwcm9kdWN0
        SWQiOjc9IiwiZmxhc2giOnsiZGlzY2FyZCI6W10sImZsYXNoZXMiOnsibm90aWNlIjoi2KrZhWYyYTI0ZDNhYmExYiI6MzQ3
        MzgyLCJwYXNzd29yZF9oYXNoX3dlYiI6IiQyeSQxMiQ0Il9fanNvbl9tZXNzYWdlXCIsMCwzMCxcIlptaWFueSB6b3N0YcWC
        eSB6YXBpc2FuZS4id2FybmluZyIsItiq2YUg2KrYs9is2YrZhCDYp9mE2K/YrtmI2YQg2KjZhtis2KfYrSI6Ildvb2wgQmxh
        bmtldCIsInByaWNlQ2VudHMiOjE0NzQyLCJxdWFudGl0eSI6MywiIiwicm9sZXMiOlsiYmlsbGluZyJdLCJ0aGVtZSI6InNv
        bGFyaXplZCIsInVzZXJfaWQybTRsIiwiYmFja191cmwiOiIvbm90aWZpY2F0aW9ucyIsImNzcmZfc2VjcmV0IjoiQXJkaW5n
        X2Zsb3ciOiJ0cmVhdG1lbnQifSwiZmVhdHVyZXMiOnsiYWlfYXNzaXN0YW50RGMxOUoiLCJkaXNwbGF5X25hbWUiOiJVbWEg
        SG9ydmF0IiwiZGphbmdvX2xhbmd1YWdsZXMiOlsiYWRtaW4iLCJtb2RlcmF0b3IiXSwidGltZV96b25lIjoiRXVyb3BlL0lz
        dDczMVoiLCJodHRwT25seSI6dHJ1ZSwib3JpZ2luYWxNYXhBZ2UiOjYwNDgwMDAwMCwitOOCkuS/neWtmOOBl+OBvuOBl+OB
        n+OAgiJdXSwiX2ZyZXNoIjp0cnVlLCJfaWQiOiJlcnVzZXIiXSwidGltZVpvbmUiOiJBc2lhL0tvbGthdGEiLCJ4c3JmVG9r
        ZW4iOiJjOW9yZGVyczpjcmVhdGUiLCJzZXR0aW5nczptYW5hZ2UiLCJwb3N0czpyZWFkIiwicmVwIiwic3VwZXJ1c2VyIiwi
        ZGV2ZWxvcGVyIl0sInNpZ25lZF9pbl9hdCI6IjIwMjUtMTAsImZsYXNoX21lc3NhZ2VzIjpbItiq2YUg2K3Zgdi4INin2YTY
        qti62YrZitix2KfYqnVyZXMiOlsiYmV0YV9zZWFyY2giLCJjaGF0X3dpZGdldCIsInNzb19lbmZvcmNlZCIsNSIsInByb3Zp
        ZGVyIjoiYXBwbGUiLCJyZWRpcmVjdF91cmkiOiJodHRwczovL3Nob3AiWmFsb2dvd2FubyBwb215xZtsbmllLiJdXSwiX2Zy
        ZXNoIjpmYWxzZSwiX3VzZXJfaSwicXR5IjoyLCJza3UiOiJZWDE0NDg0In0seyJuYW1lIjoiQmx1ZXRvb3RoIFNwZWFrIiwi
        cmV0dXJuX3VybCI6Ii9zZXR0aW5ncy9wcm9maWxlIiwic2Vzc2lvbl9pZCI6ImFzIjpbImF1dGhvciIsImNvbnRyaWJ1dG9y
        Iiwic3VwcG9ydCJdLCJ1c2VybmFtZSI6IiJhY2NvdW50X2lkIjoiMzY5NzY5IiwibGFuZyI6InZpLVZOIiwibG9naW5fYXQi
        OjE3ZXhwb3J0IiwicmVwb3J0czpkZWxldGUiLCJwcm9qZWN0czp3cml0ZSIsIm9yZGVyczpkYXJrX21vZGUiOnRydWUsImV4
        cG9ydF9jc3YiOmZhbHNlLCJmYXN0X2NoZWNrb3V0ImtlbmQiOiJzb2NpYWxfY29yZS5iYWNrZW5kcy5nb29nbGUuR29vZ2xl
        T0F1dGgyIiwiOSIsInRoZW1lIjoibGlnaHQifXsiX2ZsYXNoIjp7Im5ldyI6W10sIm9sZCI6W119LCJzaXN0YW50Ijp0cnVl
        LCJuZXdfZGFzaGJvYXJkIjp0cnVlLCJyZWRlc2lnbl8yMDI2ImV4YW1wbGUiLCJleHBlcmltZW50cyI6eyJwcmljaW5nX3Bh
        Z2UiOiJ2YXJpYW50XzEiU2l0ZSI6InN0cmljdCIsInNlY3VyZSI6dHJ1ZX0sInBhc3Nwb3J0Ijp7InVzZXIiOiJudGl0eSI6
        MSwic2t1IjoiTkQyOTIwNyIsInRpdGxlIjoiTm90ZWJvb2sgQTUifSx7ImFtczpleHBvcnQiXSwidGltZXpvbmUiOiJBbWVy
        aWNhL0JvZ290YSIsInVpZCI6InVfdTl1ZTBxdSIsImltYWdlIjoiaHR0cHM6Ly9hdmF0YXJzLmV4YW1wbGUuY29tL3UvMjd5
        xZtsbmllLiJ9LCJsb2NhbGUiOiJwdC1CUiIsImxvZ2dlZF9pbl9hdCI6IjIwMjYtMDEsInJldHVybl90byI6Imh0dHBzOi8v
        d3d3LmV4YW1wbGUub3JnL2JpbGxpbmciLCJzbmFtZSI6IlBsYW50IFBvdCIsInByaWNlX2NlbnRzIjo5MzM3LCJwcm9kdWN0
        X2lkIjoyMCwibWZhX3ZlcmlmaWVkIjp0cnVlLCJvYXV0aCI6eyJjb2RlX3ZlcmlmaWVyIjoiN2F1dGhlbnRpY2F0ZWRfYXQi
        OiIyMDI3LTA0LTI4VDAzOjEzOjMzWiIsImFwcF9jc3JmdHVyZXMiOnsiYnVsa19hY3Rpb25zIjpmYWxzZSwibm90aWZpY2F0
        aW9uc192MyI6ZmFhdXRoX2xkYXAuYmFja2VuZC5MREFQQmFja2VuZCIsIl9hdXRoX3VzZXJfaGFzaCI6Ij0iLCJjYXJ0Ijp7
        ImN1cnJlbmN5IjoiQlJMIiwiaXRlbXMiOlt7InByaWNlIjoiMjAxIiwidXNlciI6eyJlbWFpbCI6InVtYS5yaWNodGVyNzJA
        ZXhhbXBsZS5vcmciLCJpZCI6Ly9zaG9wLmV4YW1wbGUubmV0L2Rhc2hib2FyZCJ9fXsiX2ZsYXNoIjp7Im5ldyI6WyIsIndh
        cmRlbi51c2VyLnVzZXIuc2Vzc2lvbiI6eyJsYXN0X3JlcXVlc3RfYXQiOjE3aF91c2VyX2JhY2tlbmQiOiJkamFuZ28uY29u
        dHJpYi5hdXRoLmJhY2tlbmRzLk1vZGUiOiJTUDEwNDU5In0seyJwcmljZSI6MjMuNzYsInF1YW50aXR5Ijo0LCJza3UiOiJG
        RCIsImVuYWJsZWRfZmVhdHVyZXMiOltdLCJmbGFzaCI6eyJtZXNzYWdlIjoiU2lnbmVkaGJvYXJkIjpmYWxzZX0sImxhbmd1
        YWdlIjoicHQtUFQiLCJwZXJtaXNzaW9ucyI6WyIiLyIsInNhbWVTaXRlIjoibGF4Iiwic2VjdXJlIjp0cnVlfSwiY3NyZlNl
        Y3JldCI6IjQiLCJuYW1lIjoiw4ltaWxlIERhaGwifX17ImNvb2tpZSI6eyJleHBpcmVzIjoiMjAyIiwicHJvZHVjdHM6dXBk
        YXRlIl0sInJlbWVtYmVyIjpmYWxzZSwicm9sZXMiOlsiY28iOjEwNDE1LCJxdHkiOjMsInNrdSI6IklEMjYxODIifV19LCJj
        c3JmX3Rva2VuIjoiMXBPbmx5Ijp0cnVlLCJvcmlnaW5hbE1heEFnZSI6MzYwMDAwMCwicGF0aCI6Ii8iLCJzLA==
        """
}
