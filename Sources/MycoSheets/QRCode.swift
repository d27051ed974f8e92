internal import CQREncode
import Foundation
import MycoDiagnostics

/// A QR code made by libqrencode (error correction level M, 8-bit mode), drawn as SVG.
public struct QRCode: Sendable, Hashable {
  /// Modules per side.
  public let size: Int
  /// Dark modules, row by row.
  public let modules: [Bool]

  /// Encodes `text` (a URL); throws when it does not fit in a QR code.
  public init(_ text: String) throws(Diagnostic) {
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
      throw Diagnostic(kind: .sheet, "cannot make a QR code for \(text.prefix(80))… (too long?)")
    }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
  }

  /// An SVG of the code with a 4-module quiet zone; one path, so it stays small.
  public var svg: String {
    var path = ""
    for row in 0..<size {
      var column = 0
      while column < size {
        guard modules[row * size + column] else {
          column += 1
          continue
        }
        let start = column
        while column < size, modules[row * size + column] { column += 1 }
        path += "M\(start + 4) \(row + 4)h\(column - start)v1h-\(column - start)z"
      }
    }
    let side = size + 8
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
      + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
  }
}
