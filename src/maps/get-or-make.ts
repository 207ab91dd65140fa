/** A Map or a WeakMap. */
interface KeyedStore<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value `map` holds for `key`; the first time, made by `make` and kept. For the caches of
 * things worth making once (fonts, schemas, formats, fetched files) and for grouping into lists.
 */
export function getOrMake<K, V>(map: KeyedStore<K, V>, key: K, make: (key: K) => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = make(key);
  map.set(key, value);
  return value;
}
