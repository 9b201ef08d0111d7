LuaT this is not text, it pretends to be a compiled chunk
