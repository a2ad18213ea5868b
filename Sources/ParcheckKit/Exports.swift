// The CLI and other programs see the result types (Language, Finding, LuaBudget, …) through ParcheckKit alone.
@_exported import Common
@_exported import Engine
@_exported import LuaRuntime
