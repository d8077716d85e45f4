/// The machine's working memory for one sequence: everything the forward pass saves for
/// backpropagation through time, and the backward pass's own buffers.
///
/// Three blocks, allocated once and grown only when a longer sequence arrives, so the step
/// loops never allocate:
/// - `state`: the initial weightings and read vectors, and the backward pass's scratch;
/// - `records`: one record per step (controller input, controller record, the row norms of
///   `M_{t−1}`, head records, output-layer input);
/// - `memories`: `M_0`, then the memory after every write (one per write head per step).
///
/// The machine copies its tape before writing to it if another copy of the machine shares it,
/// so `NeuralTuringMachine` keeps value semantics.
final class MachineTape: @unchecked Sendable {
  /// Offsets inside the `state` block and inside one step's record.
  struct Layout: Sendable, Equatable {
    // Step record.
    var controllerInput = 0
    var controllerRecord = 0
    var rowNorms = 0
    var heads: [Int] = []
    var outputInput = 0
    var recordSize = 0
    // State block.
    var initialWeightings: [Int] = []
    var initialReads = 0
    var emittedGradients: [Int] = []
    var weightingGradients: [Int] = []
    var previousWeightingGradients: [Int] = []
    var headScratch = 0
    var memoryGradient = 0
    var outputInputGradient = 0
    var controllerInputGradient = 0
    var readGradientCarry = 0
    var controllerScratch = 0
    var stateSize = 0
    // Memories.
    var memorySize = 0
    var writeHeads = 0

    init(controller: any Controller, heads: [Head], readHeads: Int, rows: Int, width: Int) {
      var offset = 0
      func take(_ n: Int) -> Int {
        defer { offset += n }
        return offset
      }
      let reads = readHeads * width
      controllerInput = take(controller.inputSize)
      controllerRecord = take(controller.recordSize)
      rowNorms = take(rows)
      self.heads = heads.map { take($0.recordSize) }
      outputInput = take(controller.outputSize + reads)
      recordSize = offset

      offset = 0
      initialWeightings = heads.map { _ in take(rows) }
      initialReads = take(reads)
      emittedGradients = heads.map { take($0.emittedCount) }
      weightingGradients = heads.map { _ in take(rows) }
      previousWeightingGradients = heads.map { _ in take(rows) }
      headScratch = take(heads.map(\.scratchSize).max() ?? 0)
      memoryGradient = take(rows * width)
      outputInputGradient = take(controller.outputSize + reads)
      controllerInputGradient = take(controller.inputSize)
      readGradientCarry = take(reads)
      controllerScratch = take(controller.scratchSize)
      stateSize = offset
      memorySize = rows * width
      writeHeads = heads.count - readHeads
    }
  }

  let layout: Layout
  let state: UnsafeMutablePointer<Double>
  private(set) var records: UnsafeMutablePointer<Double>
  private(set) var memories: UnsafeMutablePointer<Double>
  /// Steps the buffers can hold.
  private(set) var capacity = 0
  /// Steps of the last forward pass (0 before any).
  var steps = 0

  init(layout: Layout) {
    self.layout = layout
    state = .allocate(capacity: max(layout.stateSize, 1))
    state.initialize(repeating: 0, count: max(layout.stateSize, 1))
    records = .allocate(capacity: 1)
    memories = .allocate(capacity: layout.memorySize)
    memories.initialize(repeating: 0, count: layout.memorySize)
  }

  deinit {
    state.deallocate()
    records.deallocate()
    memories.deallocate()
  }

  /// Memory blocks needed for `steps` steps: `M_0` and one per write per step.
  func memoryBlocks(steps: Int) -> Int { steps * layout.writeHeads + 1 }

  /// Makes room for `steps` steps; grows (and keeps nothing) only when `steps > capacity`.
  func reserve(steps: Int) {
    guard steps > capacity else { return }
    records.deallocate()
    memories.deallocate()
    records = .allocate(capacity: max(steps * layout.recordSize, 1))
    records.initialize(repeating: 0, count: max(steps * layout.recordSize, 1))
    memories = .allocate(capacity: memoryBlocks(steps: steps) * layout.memorySize)
    memories.initialize(repeating: 0, count: memoryBlocks(steps: steps) * layout.memorySize)
    capacity = steps
  }

  /// Step `t`'s record.
  @inline(__always) func record(_ t: Int) -> UnsafeMutablePointer<Double> { records + t * layout.recordSize }

  /// Memory block `index`: block `t · writeHeads` is `M_t`, the memory before step `t`; block
  /// `t · writeHeads + j + 1` is the memory after write head `j` of step `t`.
  @inline(__always) func memory(_ index: Int) -> UnsafeMutablePointer<Double> { memories + index * layout.memorySize }

  /// `M_t`, the memory before step `t` (and `M_T` after the last step).
  @inline(__always) func memory(before t: Int) -> UnsafeMutablePointer<Double> { memory(t * layout.writeHeads) }

  /// An independent copy holding the same saved sequence.
  func copy() -> MachineTape {
    let twin = MachineTape(layout: layout)
    twin.reserve(steps: capacity)
    twin.state.update(from: state, count: layout.stateSize)
    twin.records.update(from: records, count: capacity * layout.recordSize)
    twin.memories.update(from: memories, count: memoryBlocks(steps: capacity) * layout.memorySize)
    twin.steps = steps
    return twin
  }
}
