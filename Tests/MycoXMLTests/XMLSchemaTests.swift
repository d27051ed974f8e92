import MycoDiagnostics
import Foundation
import Testing

@testable import MycoXML

/// Schemas are parsed as safely as documents: no DOCTYPE, no entities, no network, and
/// `xs:include` / `xs:import` only of files in the schema's own folder.
@Suite struct XMLSchemaTests {
  static let secret = "MYCO-SECRET-\(UUID().uuidString)"

  /// A temporary folder holding a secret file and a `schema/` folder with `files`.
  static func folder(_ files: [String: String]) throws -> (root: URL, schema: URL, secret: URL) {
    // A space and Chinese letters in the path: libxml2 escapes them in the addresses it builds.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("myco-xsd 规则-\(UUID().uuidString)")
    let schemaFolder = root.appendingPathComponent("schema")
    try FileManager.default.createDirectory(at: schemaFolder, withIntermediateDirectories: true)
    let secretURL = root.appendingPathComponent("secret.txt")
    try Data(secret.utf8).write(to: secretURL)
    for (name, text) in files {
      let escaped = "file://" + secretURL.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
      try Data(
        text.replacingOccurrences(of: "SECRET", with: secretURL.path).replacingOccurrences(of: "ESCAPED", with: escaped)
          .utf8
      )
      .write(to: schemaFolder.appendingPathComponent(name))
    }
    return (root, schemaFolder, secretURL)
  }

  static func schema(body: String) -> String {
    """
    <?xml version="1.0"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
    \(body)
    </xs:schema>
    """
  }

  /// Compiles `main.xsd` of the folder; returns the errors as printed (empty when it compiles).
  static func compile(_ schema: URL) -> [String] {
    do {
      _ = try XMLSchema(file: schema.appendingPathComponent("main.xsd"))
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  @Test func aSchemaFileThatNeverEndsIsRefusedAtTheSizeLimit() {
    // Given a "schema" that reports size 0 and never ends (reading it whole never returned before)
    do {
      _ = try XMLSchema(file: URL(fileURLWithPath: "/dev/zero"), limits: XMLLimits(maxBytes: 100_000))
      Issue.record("expected an error")
    } catch {
      // Then reading stops past the limit and the schema is refused as too large
      #expect(error.diagnostics.first?.kind == .xmlTooLarge)
      #expect("\(error)".contains("the limit is 100000 bytes"))
    }
  }

  @Test func aSchemaWithADoctypeIsRefusedAndLeaksNothing() throws {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE xs:schema [<!ENTITY x SYSTEM "file://SECRET">]>
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="a" type="xs:string" default="&x;"/>
      </xs:schema>
      """
    let (root, schema, _) = try Self.folder(["main.xsd": text])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(
      errors == [
        "\(schema.path)/main.xsd:2:1: error: DOCTYPE declarations are not allowed (they can declare external or expanding entities)"
      ])
    #expect(!errors.joined().contains(Self.secret))
  }

  @Test func includeOfAFileOutsideTheFolderIsRefused() throws {
    let (root, schema, secret) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:include schemaLocation=\"ESCAPED\"/>")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(
      errors.first
        == "\(schema.path)/main.xsd:3:3: error: refused to load '\(secret.path)': it is outside the schema folder \(schema.resolvingSymlinksInPath().path)/; only files in that folder may be included"
    )
    #expect(!errors.joined().contains(Self.secret))
  }

  @Test func includeOfEtcPasswdIsRefusedWithoutPrintingIt() throws {
    let (root, schema, _) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:include schemaLocation=\"/etc/passwd\"/>")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(
      errors.first?.hasPrefix(
        "\(schema.path)/main.xsd:3:3: error: refused to load '/etc/passwd': it is outside the schema folder") == true,
      "\(errors)")
    #expect(!errors.joined().contains("root:"))
  }

  @Test func includeThroughDotDotIsRefused() throws {
    let (root, schema, _) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:include schemaLocation=\"../secret.txt\"/>")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(errors.first?.hasPrefix("\(schema.path)/main.xsd:3:3: error: refused to load ") == true, "\(errors)")
    #expect(errors.first?.contains("outside the schema folder") == true)
  }

  @Test func aSiblingSchemaMayBeIncluded() throws {
    let part = Self.schema(body: "  <xs:element name=\"a\" type=\"xs:string\"/>")
    let (root, schema, _) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:include schemaLocation=\"part.xsd\"/>"), "part.xsd": part,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(Self.compile(schema) == [])
    let compiled = try XMLSchema(file: schema.appendingPathComponent("main.xsd"))
    _ = try XMLReader.parse(data: Data("<a xmlns=\"urn:t\">x</a>".utf8), name: "ok.xml", schema: compiled)
    #expect(throws: Diagnostics.self) {
      _ = try XMLReader.parse(data: Data("<b xmlns=\"urn:t\">x</b>".utf8), name: "bad.xml", schema: compiled)
    }
  }

  @Test func aSiblingWithADoctypeIsRefused() throws {
    let part =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY s SYSTEM \"file://SECRET\">]>\n"
      + Self.schema(body: "<xs:element name=\"a\" type=\"xs:string\" default=\"&s;\"/>")
    let (root, schema, _) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:include schemaLocation=\"part.xsd\"/>"), "part.xsd": part,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(errors.first?.contains("it has a DOCTYPE declaration") == true, "\(errors)")
    #expect(!errors.joined().contains(Self.secret))
  }

  @Test func anImportOfAnHTTPURLIsNeverFetched() throws {
    let listener = try Listener()
    defer { listener.close() }
    let url = "http://127.0.0.1:\(listener.port)/x.xsd"
    let (root, schema, _) = try Self.folder([
      "main.xsd": Self.schema(body: "  <xs:import namespace=\"urn:other\" schemaLocation=\"\(url)\"/>")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let errors = Self.compile(schema)
    #expect(
      errors.first
        == "\(schema.path)/main.xsd:3:3: error: refused to load '\(url)': network and URL access is refused; include only schema files in \(schema.resolvingSymlinksInPath().path)/"
    )
    #expect(listener.connections() == 0)
  }

  @Test func documentsStillCannotLoadAnything() {
    #expect(EntityLoader.check("/etc/passwd", in: nil).isRefused)
  }
}

extension Result {
  var isRefused: Bool { if case .failure = self { true } else { false } }
}

/// A TCP listener on 127.0.0.1 that counts connections (without ever answering).
final class Listener: @unchecked Sendable {
  let socket: Int32
  let port: UInt16

  init() throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
    }
    guard bound == 0, listen(socket, 8) == 0 else { throw CocoaError(.fileWriteUnknown) }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    self.socket = socket
    port = UInt16(bigEndian: address.sin_port)
    _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
  }

  /// How many connections are waiting to be accepted.
  func connections() -> Int {
    var count = 0
    while case let client = accept(socket, nil, nil), client >= 0 {
      Glibc.close(client)
      count += 1
    }
    return count
  }

  func close() { Glibc.close(socket) }
}

/// The blocking loader is in place as soon as libxml2 is used, before any schema is compiled.
@Suite struct EntityLoaderTests {
  @Test func theProcessWideLoaderRefusesEverythingOutsideASchemaCompile() throws {
    _ = try XMLReader.parse(data: Data("<a/>".utf8), name: "a.xml")
    #expect(EntityLoader.isInstalled)
    for resource in ["/etc/passwd", "file:///etc/passwd", "http://127.0.0.1:9/x.dtd", "ftp://example.org/x"] {
      #expect(EntityLoader.check(resource, in: nil).isRefused, "\(resource)")
    }
  }
}
