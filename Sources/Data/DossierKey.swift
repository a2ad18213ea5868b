import Foundation

/// The identity of a dossier id for the duplicate rule. Ids have always been compared as Swift `String`s, which
/// means canonical equivalence (a decomposed "Ă" equals the precomposed one, U+212A equals "K"); ASCII ids, the
/// usual case, are their own canonical form and are compared as bytes; others through their NFC bytes.
enum DossierKey {
    /// Whether every byte is ASCII (8 bytes at a time).
    @inline(__always) static func isASCII(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let p = b.baseAddress else { return true }
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= b.count { acc |= p.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < b.count { acc |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)); i += 1 }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// The bytes the id is compared by.
    static func key(_ b: UnsafeRawBufferPointer) -> [UInt8] {
        if isASCII(b) { return Array(b) }
        return Array(String(decoding: b, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Hash of the id's key.
    @inline(__always) static func hash(_ b: UnsafeRawBufferPointer, seed: UInt64 = ByteHash.seed) -> UInt64 {
        if isASCII(b) { return ByteHash.hash(b, seed: seed) }
        return key(b).withUnsafeBytes { ByteHash.hash($0, seed: seed) }
    }
}
