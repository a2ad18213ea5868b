/// The kinds of unit under assessment (data contract §Units). Shared by data, plans and reports.
public enum UnitKind: String, CaseIterable, Sendable, Codable, Comparable {
    case province, department, district, commune, ward
    case specialZone = "special_zone"
    case publicServiceUnit = "public_service_unit"
    case office

    /// Vietnamese name, as used in human output.
    public var vietnamese: String {
        switch self {
        case .province: "tỉnh"
        case .department: "sở, ban, ngành"
        case .district: "huyện"
        case .commune: "xã"
        case .ward: "phường"
        case .specialZone: "đặc khu"
        case .publicServiceUnit: "ĐVSNCL"
        case .office: "văn phòng"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The nine standard dossier metrics of the data contract, in the contract's order.
public enum MetricName: String, CaseIterable, Sendable, Codable {
    case onTimeRate = "on_time_rate"
    case onlineRate = "online_rate"
    case fullyOnlineRate = "fully_online_rate"
    case digitizationRate = "digitization_rate"
    case eResultRate = "e_result_rate"
    case reuseRate = "reuse_rate"
    case onlinePaymentRate = "online_payment_rate"
    case portalSyncRate = "portal_sync_rate"
    case satisfactionRate = "satisfaction_rate"
}

/// The three dossier-level violations of the data contract.
public enum ViolationKind: String, CaseIterable, Sendable, Codable {
    case lateWithoutApology = "late_without_apology"
    case closedBeforeResult = "closed_before_result"
    case notSynced = "not_synced"
}
