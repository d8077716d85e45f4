import Foundation

/// A decoder over the tree `JSONSerialization` returns, whose every error names the field and
/// shows the value found there: "the field configuration.memoryRows is 16.5, not a whole
/// number". `CheckpointFile.decode` runs it only to explain a file `JSONDecoder` refused (whose
/// errors on this platform can name neither).
enum JSONTree {
  /// A value of the wrong kind: where, what was found, and what was expected.
  struct Mismatch: Error, CustomStringConvertible {
    var path: [any CodingKey]
    var found: String
    var expected: String
    var description: String { "the field \(JSONTree.path(path)) is \(found), not \(expected)" }
  }

  /// Decodes `type` from `tree`, throwing `Mismatch` or the type's own `DecodingError`.
  static func decode<T: Decodable>(_ type: T.Type, from tree: Any) throws -> T {
    try T(from: TreeDecoder(value: tree, codingPath: []))
  }

  /// `configuration.controllerSizes[2]`.
  static func path(_ keys: [any CodingKey]) -> String {
    let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return text.hasPrefix(".") ? String(text.dropFirst()) : text
  }

  /// The value at `keys` inside `tree`, if there is one.
  static func value(at keys: [any CodingKey], in tree: Any) -> Any? {
    var node: Any = tree
    for key in keys {
      if let index = key.intValue, let list = node as? [Any], list.indices.contains(index) {
        node = list[index]
      } else if let object = node as? [String: Any], let child = object[key.stringValue] {
        node = child
      } else {
        return nil
      }
    }
    return node
  }

  /// Whether `value` is JSON's `true` or `false` (which Foundation also offers as a number).
  static func isBoolean(_ value: Any) -> Bool { String(describing: type(of: value)).contains("Boolean") }

  /// A value as a message shows it: `16.5`, `"1"`, `true`, `null`, `a list of 3`,
  /// `an object with bits, maximumLength`.
  static func show(_ value: Any) -> String {
    if isBoolean(value) { return (value as? Bool) == true ? "true" : "false" }
    if value is NSNull { return "null" }
    if let text = value as? String { return "\"" + (text.count > 40 ? text.prefix(40) + "…" : text) + "\"" }
    if let list = value as? [Any] { return list.isEmpty ? "an empty list" : "a list of \(list.count)" }
    if let object = value as? [String: Any] {
      return object.isEmpty ? "an empty object" : "an object with " + object.keys.sorted().prefix(4).joined(separator: ", ")
    }
    if let number = value as? NSNumber { return number.description }
    return "\(value)"
  }

  /// `value` as `type`, exactly, or a `Mismatch` saying what was wanted.
  static func convert<T>(_ type: T.Type, _ value: Any, _ path: [any CodingKey]) throws -> T {
    func fail(_ expected: String) -> Mismatch { Mismatch(path: path, found: show(value), expected: expected) }
    if T.self == Bool.self {
      guard isBoolean(value), let flag = value as? Bool else { throw fail("true or false") }
      return flag as! T
    }
    if T.self == String.self {
      guard let text = value as? String else { throw fail("text") }
      return text as! T
    }
    guard !isBoolean(value), let number = value as? NSNumber, !(value is String) else {
      throw fail(T.self == Double.self || T.self == Float.self ? "a number" : "a whole number")
    }
    switch T.self {
    case is Double.Type: if let x = number as? Double { return x as! T }
    case is Float.Type: if let x = number as? Double { return Float(x) as! T }
    case is Int.Type: if let x = number as? Int { return x as! T }
    case is Int8.Type: if let x = number as? Int8 { return x as! T }
    case is Int16.Type: if let x = number as? Int16 { return x as! T }
    case is Int32.Type: if let x = number as? Int32 { return x as! T }
    case is Int64.Type: if let x = number as? Int64 { return x as! T }
    case is UInt.Type: if let x = number as? UInt { return x as! T }
    case is UInt8.Type: if let x = number as? UInt8 { return x as! T }
    case is UInt16.Type: if let x = number as? UInt16 { return x as! T }
    case is UInt32.Type: if let x = number as? UInt32 { return x as! T }
    case is UInt64.Type: if let x = number as? UInt64 { return x as! T }
    default: break
    }
    if T.self == Double.self || T.self == Float.self { throw fail("a number") }
    guard let x = number as? Double, x.isFinite, x == x.rounded() else { throw fail("a whole number") }
    if T.self == UInt64.self || T.self == UInt.self { throw fail("a whole number from 0 to \(UInt64.max)") }
    throw fail("a whole number from \(Int.min) to \(Int.max)")
  }
}

private struct TreeDecoder: Decoder {
  let value: Any
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard let object = value as? [String: Any] else {
      throw JSONTree.Mismatch(path: codingPath, found: JSONTree.show(value), expected: "an object")
    }
    return KeyedDecodingContainer(KeyedTree<Key>(object: object, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard let list = value as? [Any] else {
      throw JSONTree.Mismatch(path: codingPath, found: JSONTree.show(value), expected: "a list")
    }
    return UnkeyedTree(list: list, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleTree(value: value, codingPath: codingPath) }
}

/// An integer coding key for list positions.
private struct Index: CodingKey {
  var intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let object: [String: Any]
  let codingPath: [any CodingKey]
  var allKeys: [Key] { object.keys.sorted().compactMap { Key(stringValue: $0) } }
  func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

  func value(_ key: Key) throws -> Any {
    guard let value = object[key.stringValue] else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool { try value(key) is NSNull }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try JSONTree.convert(type, try value(key), codingPath + [key]) }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try T(from: TreeDecoder(value: try value(key), codingPath: codingPath + [key]))
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
    try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
  }
  func superDecoder() throws -> any Decoder { TreeDecoder(value: object, codingPath: codingPath) }
  func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoder(value: try value(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
  let list: [Any]
  let codingPath: [any CodingKey]
  var currentIndex = 0
  var count: Int? { list.count }
  var isAtEnd: Bool { currentIndex >= list.count }
  var path: [any CodingKey] { codingPath + [Index(currentIndex - 1)] }

  init(list: [Any], codingPath: [any CodingKey]) {
    self.list = list
    self.codingPath = codingPath
  }

  mutating func next() throws -> Any {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [Index(currentIndex)], debugDescription: "the list ends"))
    }
    currentIndex += 1
    return list[currentIndex - 1]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, list[currentIndex] is NSNull else { return false }
    currentIndex += 1
    return true
  }
  mutating func decode(_ type: Bool.Type) throws -> Bool { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: String.Type) throws -> String { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Double.Type) throws -> Double { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Float.Type) throws -> Float { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Int.Type) throws -> Int { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONTree.convert(type, try next(), path) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONTree.convert(type, try next(), path) }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let value = try next()
    return try T(from: TreeDecoder(value: value, codingPath: path))
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    let value = try next()
    return try TreeDecoder(value: value, codingPath: path).container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let value = try next()
    return try TreeDecoder(value: value, codingPath: path).unkeyedContainer()
  }
  mutating func superDecoder() throws -> any Decoder {
    let value = try next()
    return TreeDecoder(value: value, codingPath: path)
  }
}

private struct SingleTree: SingleValueDecodingContainer {
  let value: Any
  let codingPath: [any CodingKey]
  func decodeNil() -> Bool { value is NSNull }
  func decode(_ type: Bool.Type) throws -> Bool { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: String.Type) throws -> String { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Double.Type) throws -> Double { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Float.Type) throws -> Float { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Int.Type) throws -> Int { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Int8.Type) throws -> Int8 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Int16.Type) throws -> Int16 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Int32.Type) throws -> Int32 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: Int64.Type) throws -> Int64 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: UInt.Type) throws -> UInt { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONTree.convert(type, value, codingPath) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONTree.convert(type, value, codingPath) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: TreeDecoder(value: value, codingPath: codingPath)) }
}
