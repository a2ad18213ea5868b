import Common

/// The failing fields of one record and why, in the order found.
struct Problems {
    var fields: [String] = []
    var clauses: [String] = []
    var code: String?

    mutating func add(_ field: String, _ code: String, _ clause: String) {
        if !fields.contains(field) { fields.append(field) }
        clauses.append(clause)
        if self.code == nil { self.code = code }
    }
}
