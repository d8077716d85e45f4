import Testing

/// The rules of `TutorialExcerptTests`, on made-up text: what an excerpt spans, how a block
/// declares what it is, which links count.
extension TutorialExcerptTests {
  static let sample = """
    enum Shift {
      /// Circular shift.
      /// ```
      /// w̃(i) = Σ w_g(i − Δ) s(Δ)
      /// ```
      @inline(__always)
      static func forward(_ w: [Double]) -> [Double] {
        let brace = "}{ \\" }"  // a } in a comment
        if w.isEmpty { return [] }
        return w
      }

      static func backward() {}
    }
    """

  @Test func anExcerptRunsFromTheDocCommentToTheClosingBrace() throws {
    #expect(
      try Self.excerpt(of: "func forward(", in: Self.sample) == [
        "/// Circular shift.", "/// ```", "/// w̃(i) = Σ w_g(i − Δ) s(Δ)", "/// ```", "@inline(__always)",
        "static func forward(_ w: [Double]) -> [Double] {", "  let brace = \"}{ \\\" }\"  // a } in a comment",
        "  if w.isEmpty { return [] }", "  return w", "}",
      ])
    #expect(try Self.excerpt(of: "func backward(", in: Self.sample) == ["static func backward() {}"])
    #expect(throws: ExcerptError.noSuchSymbol("func sideways(")) { try Self.excerpt(of: "func sideways(", in: Self.sample) }
    #expect(throws: ExcerptError.unclosed("func f(")) { try Self.excerpt(of: "func f(", in: "func f() {\n  {\n}") }
  }

  @Test func aSwiftBlockMustSayWhatItIs() {
    let page = """
      <!-- excerpt: Sources/NTM/Addressing/Shift.swift#static func forward( -->
      ```swift
      a
      ```
      <!-- example: the reader types it -->
      ```swift
      b
      ```

      ```swift
      c
      ```
      <!-- excerpt: Sources/NTM/Addressing/Shift.swift -->
      ```swift
      ```
      ```console
      ```swift
      ```
      """
    let found = Self.blocks(page, chapter: "x.md")
    #expect(found.map(\.fenceLine) == [1, 5, 9, 13])
    #expect(
      found.map(\.kind) == [
        .excerpt(path: "Sources/NTM/Addressing/Shift.swift", symbol: "static func forward("),
        .example(reason: "the reader types it"), .undeclared, .undeclared,
      ])
    #expect(found.map(\.lines) == [["a"], ["b"], ["c"], []])
  }

  @Test func linksAreReadWithoutWebAddressesOrFragments() {
    let text = """
      [a](../Sources/A.swift), [b](https://x.org/y), [c](05-shift.md#the-equation), [d](#top)
      `[Double](repeating: 0)` is code, and so is
      ```swift
      let w = [Double](repeating: 0, count: 8)
      ```
      """
    #expect(Self.relativeLinks(text) == ["../Sources/A.swift", "05-shift.md"])
  }
}
