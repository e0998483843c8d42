import TwinUnits

/// What to tell a user who typed a command twinc does not have (`twinc valdate x`):
/// the argument parser alone would report "2 unexpected arguments", which hides the
/// typo. nil when the first argument is an option or a known command.
public func unknownCommandMessage(arguments: [String], commands: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else {
        return nil
    }
    let nearest = nearestName(to: first, among: commands, maxDistance: 3)
    let hint = nearest.map { "; did you mean `\($0)`?" } ?? "; commands: \(commands.joined(separator: ", "))"
    return "unknown command `\(first)`\(hint)"
}
