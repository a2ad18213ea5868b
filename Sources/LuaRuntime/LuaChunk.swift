import CLua
import LuaShim

/// Owns one sandboxed `lua_State`; closed when the sandbox and all its chunks are gone.
final class LuaStateBox {
    let L: OpaquePointer

    init() {
        guard let L = luashim_newstate() else { fatalError("parcheck: cannot create a Lua state (out of memory)") }
        self.L = L
    }

    deinit { luashim_close(L) }
}

/// A compiled check script, held in the registry of the sandbox that compiled it.
/// Use it only with that sandbox, on that sandbox's thread.
public final class LuaChunk {
    let box: LuaStateBox
    let ref: Int32
    /// The chunk name given to `compile` (the script path as the user sees it).
    public let chunkName: String

    init(box: LuaStateBox, ref: Int32, chunkName: String) {
        self.box = box
        self.ref = ref
        self.chunkName = chunkName
    }

    deinit { luashim_unref(box.L, ref) }
}
