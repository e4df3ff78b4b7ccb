import Testing

@testable import SealedCookie

@Suite("CookieBudget")
struct CookieBudgetTests {
    static func cookie(name: String = "s", valueLength: Int, domain: String? = nil) throws -> SetCookie {
        try SetCookie.validated(
            name: name, value: String(repeating: "A", count: valueLength), domain: domain, path: nil, secure: false,
            httpOnly: false, sameSite: nil)
    }

    @Test("name + value: 4096 bytes accepted, 4097 rejected (the = not counted)")
    func nameValueBoundary() throws {
        let budget = CookieBudget(maxSetCookieByteCount: nil)
        let largest = try Self.cookie(valueLength: 4095)
        #expect(largest.nameValueByteCount == 4096)
        try budget.check(largest)
        #expect(throws: CookieBudgetError.nameValueTooLarge(name: "s", byteCount: 4097, limit: 4096)) {
            try budget.check(try Self.cookie(valueLength: 4096))
        }
        // A longer name leaves less room for the value.
        try budget.check(try Self.cookie(name: "session_id", valueLength: 4086))
        #expect(throws: CookieBudgetError.nameValueTooLarge(name: "session_id", byteCount: 4097, limit: 4096)) {
            try budget.check(try Self.cookie(name: "session_id", valueLength: 4087))
        }
    }

    @Test("whole Set-Cookie line: 4093 bytes accepted, 4094 rejected, attributes counted")
    func lineBoundary() throws {
        let budget = CookieBudget()
        // "s=" + value: 2 + 4091 = 4093.
        let largest = try Self.cookie(valueLength: 4091)
        #expect(largest.headerValue.utf8.count == 4093)
        try budget.check(largest)
        #expect(throws: CookieBudgetError.setCookieTooLarge(name: "s", byteCount: 4094, limit: 4093)) {
            try budget.check(try Self.cookie(valueLength: 4092))
        }
        // "; Domain=example.com" is 20 bytes more.
        try budget.check(try Self.cookie(valueLength: 4071, domain: "example.com"))
        #expect(throws: CookieBudgetError.setCookieTooLarge(name: "s", byteCount: 4094, limit: 4093)) {
            try budget.check(try Self.cookie(valueLength: 4072, domain: "example.com"))
        }
    }

    @Test("the value capacity matches the boundaries exactly")
    func capacity() {
        #expect(CookieBudget(maxSetCookieByteCount: nil).maxValueByteCount(name: "s", attributeByteCount: 500) == 4095)
        #expect(CookieBudget().maxValueByteCount(name: "s", attributeByteCount: 0) == 4091)
        #expect(CookieBudget().maxValueByteCount(name: "s", attributeByteCount: 20) == 4071)
        #expect(CookieBudget().maxValueByteCount(name: "s", attributeByteCount: 5000) == 0)
    }

    @Test("request budget: the session's share plus the reserve, inclusive")
    func requestBudget() throws {
        let budget = CookieBudget(requestHeaderByteCount: 8190, otherCookiesReserve: 2048)
        // 8 + 2 + (1 + 1 + n + 2) = n + 14 must be <= 6142.
        let largest = try Self.cookie(valueLength: 6128)
        #expect(CookieBudget.requestByteCount(of: [largest]) == 6142)
        try budget.check(requestCookies: [largest])
        #expect(throws: CookieBudgetError.requestHeaderTooLarge(byteCount: 6143, reserve: 2048, limit: 8190)) {
            try budget.check(requestCookies: [try Self.cookie(valueLength: 6129)])
        }
        let two = [try Self.cookie(valueLength: 3000), try Self.cookie(name: "s.1", valueLength: 3000)]
        #expect(CookieBudget.requestByteCount(of: two) == 10 + 3004 + 3006)
        #expect(throws: CookieBudgetError.requestHeaderTooLarge(byteCount: 6020, reserve: 2200, limit: 8190)) {
            try CookieBudget(otherCookiesReserve: 2200).check(requestCookies: two)
        }
    }

    @Test("descriptions state the sizes, the limit and what to do")
    func descriptions() {
        let text = SessionCookieError(CookieBudgetError.nameValueTooLarge(name: "s", byteCount: 5000, limit: 4096))
            .description
        #expect(text.contains("5000") && text.contains("4096") && text.contains("store less"))
        let request = SessionCookieError(
            CookieBudgetError.requestHeaderTooLarge(byteCount: 7000, reserve: 2048, limit: 8190)
        ).description
        #expect(request.contains("7000") && request.contains("2048") && request.contains("8190"))
        #expect(
            SessionCookieError(CookieBudgetError.setCookieTooLarge(name: "s", byteCount: 4094, limit: 4093)).description
                .contains("4094"))
    }
}
