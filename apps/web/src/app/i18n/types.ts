/** The English bundle must have exactly the keys of the Chinese one (zh-CN is the reference). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
