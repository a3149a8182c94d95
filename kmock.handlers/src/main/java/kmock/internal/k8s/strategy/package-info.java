/**
 * What the API server does to an object between decoding a write and storing it, kind by kind: defaults, the
 * status and generation rules of each kind's strategy, and validation.
 */
package kmock.internal.k8s.strategy;
