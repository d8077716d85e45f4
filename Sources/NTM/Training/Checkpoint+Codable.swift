import Foundation

/// The checkpoint's JSON. Every field is written under its own name, as the compiler would; the
/// one addition is how a checkpoint exported for shipping stores its parameters: as
/// `packedParameters`, the base64 text of their single-precision (IEEE 754 binary32,
/// little-endian) bytes — about a quarter of the decimal text — instead of `parameters`.
/// Either form reads back into `parameters`. The file also carries a `checksum`
/// (`Checkpoint+Checksum.swift`), verified when it is read.
extension Checkpoint {
  enum CodingKeys: String, CodingKey {
    case formatVersion, configuration, baseline, task, training, optimiser, parameters, packedParameters
    case generator, modelGenerator, step, sequencesSeen, averages, seed, commandLine, record, checksum
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try c.decode(Int.self, forKey: .formatVersion)
    configuration = try c.decode(MachineConfiguration.self, forKey: .configuration)
    baseline = try c.decodeIfPresent(LSTMNetworkConfiguration.self, forKey: .baseline)
    task = try c.decode(TrainingTask.self, forKey: .task)
    training = try c.decode(TrainingSettings.self, forKey: .training)
    optimiser = try c.decodeIfPresent(Optimiser.self, forKey: .optimiser)
    if c.contains(.packedParameters) {
      let text = try c.decode(String.self, forKey: .packedParameters)
      guard let unpacked = Self.unpack(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .packedParameters, in: c, debugDescription: "not base64 of 4-byte numbers")
      }
      parameters = unpacked
    } else {
      parameters = try c.decode([Double].self, forKey: .parameters)
    }
    generator = try c.decode(SplitMix64.self, forKey: .generator)
    modelGenerator = try c.decodeIfPresent(SplitMix64.self, forKey: .modelGenerator)
    step = try c.decode(Int.self, forKey: .step)
    sequencesSeen = try c.decode(Int.self, forKey: .sequencesSeen)
    averages = try c.decode(RunningAverages.self, forKey: .averages)
    seed = try c.decode(UInt64.self, forKey: .seed)
    commandLine = try c.decode([String].self, forKey: .commandLine)
    record = try c.decodeIfPresent(TrainingRecord.self, forKey: .record)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(formatVersion, forKey: .formatVersion)
    try c.encode(configuration, forKey: .configuration)
    try c.encodeIfPresent(baseline, forKey: .baseline)
    try c.encode(task, forKey: .task)
    try c.encode(training, forKey: .training)
    try c.encodeIfPresent(optimiser, forKey: .optimiser)
    if optimiser == nil, let packed = Self.pack(parameters) {
      try c.encode(packed, forKey: .packedParameters)
    } else {
      try c.encode(parameters, forKey: .parameters)
    }
    try c.encode(generator, forKey: .generator)
    try c.encodeIfPresent(modelGenerator, forKey: .modelGenerator)
    try c.encode(step, forKey: .step)
    try c.encode(sequencesSeen, forKey: .sequencesSeen)
    try c.encode(averages, forKey: .averages)
    try c.encode(seed, forKey: .seed)
    try c.encode(commandLine, forKey: .commandLine)
    try c.encodeIfPresent(record, forKey: .record)
    try c.encode(checksum, forKey: .checksum)
  }

  /// The values as base64 of their single-precision bytes, or nil when some value is not
  /// exactly a single-precision number (then packing would change it).
  static func pack(_ values: [Double]) -> String? {
    var bytes = [UInt8]()
    bytes.reserveCapacity(values.count * 4)
    for value in values {
      let single = Float(value)
      guard Double(single) == value else { return nil }
      withUnsafeBytes(of: single.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
    return Data(bytes).base64EncodedString()
  }

  /// The inverse of `pack`, or nil for text that is not base64 of whole 4-byte numbers.
  static func unpack(_ text: String) -> [Double]? {
    guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
    return data.withUnsafeBytes { bytes in
      (0..<bytes.count / 4).map { index in
        Double(Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))))
      }
    }
  }
}
