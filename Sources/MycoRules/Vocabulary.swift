/// The facts a rule base may talk about. Rules are checked against it when they load.
public struct Vocabulary: Sendable {
  /// The declarations in the order they were read.
  public private(set) var declarations: [FactDeclaration]
  private var byName: [String: Int]

  /// A vocabulary of `declarations`; a later declaration of a name replaces the earlier one.
  public init(_ declarations: [FactDeclaration] = []) {
    self.declarations = []
    self.byName = [:]
    for declaration in declarations { add(declaration) }
  }

  /// Adds a declaration; a later one with the same name replaces the earlier.
  public mutating func add(_ declaration: FactDeclaration) {
    if let index = byName[declaration.name] {
      declarations[index] = declaration
    } else {
      byName[declaration.name] = declarations.count
      declarations.append(declaration)
    }
  }

  /// The declaration of `name`, if any.
  public subscript(name: String) -> FactDeclaration? {
    byName[name].map { declarations[$0] }
  }
}
