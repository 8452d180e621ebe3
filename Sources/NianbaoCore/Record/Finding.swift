/// One arithmetic rule a report breaks, one rule that could not be assessed, or one cell
/// that could not be read.
public struct Finding: Codable, Sendable, Equatable, Hashable {
    public enum Severity: String, Codable, Sendable {
        /// An official or implied rule fails (勾稽关系 broken).
        case error
        /// A heuristic (soft) rule fails, e.g. the cross-year carry-over.
        case warning
        /// An operand was blank, so the rule could not be computed. Blanks are never taken as 0.
        case notAssessable = "not_assessable"
        /// A cell's text could not be read as a number.
        case unreadable
    }

    /// Rule id from the schema (t3_balance, t3_outcome_sum, t3_row_total, t4_group_total,
    /// t3_t4_nonnegative_int, cross_year_carry, cross_year_in_force), or "unreadable_cell".
    public var rule: String
    public var severity: Severity
    /// Cell paths involved.
    public var cells: [String]
    public var expected: Double?
    public var actual: Double?
    public var message: String

    public init(rule: String, severity: Severity, cells: [String], expected: Double? = nil,
                actual: Double? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.cells = cells
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}
