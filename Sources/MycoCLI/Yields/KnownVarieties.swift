import MycoKnowledge

/// Where the `yields` commands get the variety ids they accept: the knowledge base
/// (`--knowledge DIR`, default the bundled Knowledge/ folder).
typealias VarietySource = KnowledgeFolderOption

extension KnowledgeFolderOption {
  /// The variety ids a batch may name, from the knowledge base.
  func knownVarietyIDs() throws -> Set<String> {
    Set(try knowledgeBase().varieties.map(\.id))
  }
}
