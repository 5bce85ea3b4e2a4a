/// Text at a column in a theme role: the unit the renderer's layouts hand to the grid.
struct StyledSpan: Hashable, Sendable {
    /// Column relative to the region being drawn.
    var col: Int
    var text: String
    var role: ThemeRole
}
