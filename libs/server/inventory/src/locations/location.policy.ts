/**
 * The location tree's rules as pure functions. A location's path is its parent's path, a
 * slash and its own code (`WH1/A/R2`); a warehouse's root has the warehouse's code as path.
 */
export function childPath(parentPath: string, code: string): string {
  return `${parentPath}/${code}`;
}

/** Whether `candidate` is `location` itself or somewhere under it (a move there is a cycle). */
export function isSelfOrBelow(locationPath: string, candidatePath: string): boolean {
  return candidatePath === locationPath || candidatePath.startsWith(`${locationPath}/`);
}

/** A descendant's path once its ancestor at `from` is at `to`. */
export function movedPath(path: string, from: string, to: string): string {
  if (!isSelfOrBelow(from, path)) throw new RangeError(`${path} is not under ${from}`);
  return `${to}${path.slice(from.length)}`;
}
