import Common
import Engine

/// Words and numbers the human formats share, Vietnamese first.
extension HumanFormat {
    public func severity(_ s: DiagnosticSeverity) -> String {
        switch s {
        case .error: t("lỗi", "error")
        case .warning: t("cảnh báo", "warning")
        case .note: t("ghi chú", "note")
        }
    }

    public func status(_ s: TargetStatus) -> String {
        switch s {
        case .pass: t("đạt", "pass")
        case .fail: t("không đạt", "fail")
        case .notApplicable: t("không áp dụng", "not applicable")
        case .error: t("lỗi kiểm tra", "check error")
        }
    }

    public func standing(_ s: WaiverReview.Standing) -> String {
        switch s {
        case .open: t("chưa xử lý", "open")
        case .waived: t("được miễn trừ", "waived")
        case .expired: t("miễn trừ hết hạn", "waiver expired")
        }
    }

    public func waiverState(_ s: WaiverReview.State) -> String {
        switch s {
        case .active: t("còn hiệu lực", "active")
        case .expired: t("hết hạn", "expired")
        case .unmatched: t("không khớp phát hiện nào", "matches nothing")
        }
    }

    public func unitKind(_ k: UnitKind) -> String {
        switch k {
        case .province: t("tỉnh", "province")
        case .department: t("sở, ban, ngành", "department")
        case .district: t("huyện", "district")
        case .commune: t("xã", "commune")
        case .ward: t("phường", "ward")
        case .specialZone: t("đặc khu", "special zone")
        case .publicServiceUnit: t("đơn vị sự nghiệp công lập", "public service unit")
        case .office: t("văn phòng", "office")
        }
    }

    /// `+1,25` / `−0,5` / `0`: a change with its sign, two decimals at most.
    public func signed(_ x: Double) -> String {
        let text = decimal(abs(x))
        if text == "0" { return "0" }
        return (x > 0 ? "+" : "−") + text
    }

    /// `▲2` (moved up two places), `▼1`, `=`.
    public func rankChange(_ places: Int) -> String {
        places > 0 ? "▲\(places)" : places < 0 ? "▼\(-places)" : "="
    }
}
