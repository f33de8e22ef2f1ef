/**
 * Naive-Bayes designs of the Dutch news-tone model for scripts/tone-designs.ts (issue 30), each still a
 * linear model over the same word features (so a sentence's class scores split over its words as the
 * shipped model's do): NBSVM (Wang & Manning 2012, "Baselines and Bigrams", ACL) and complement naive Bayes
 * (Rennie, Shih, Teevan & Karger 2003, "Tackling the Poor Assumptions of Naive Bayes Text Classifiers", ICML).
 */
import { fitMulticlass, type MulticlassItem, type MulticlassModel } from "../data-loaders/tone/fit-multiclass.ts";
import { fitLogistic, type FitSettings } from "../data-loaders/voices/fit-logistic.ts";

/**
 * Each feature's naive-Bayes log-count ratio for class `label` against the rest (Wang & Manning 2012, §2.1):
 * r = ln((p / ‖p‖₁) / (q / ‖q‖₁)), p = α + the items of the class the feature occurs in, q the same over the
 * other items (presence, as their binarised features).
 * @example logCountRatios([{ features: ["a"], values: [1], label: 0 }, { features: ["b"], values: [1], label: 1 }], 0, 1).get("a") // ln 2
 */
export function logCountRatios(items: readonly MulticlassItem[], label: number, alpha: number): Map<string, number> {
  const inClass = new Map<string, number>();
  const inRest = new Map<string, number>();
  for (const item of items) {
    const counts = item.label === label ? inClass : inRest;
    for (const f of new Set(item.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const names = [...new Set([...inClass.keys(), ...inRest.keys()])];
  let p = 0;
  let q = 0;
  for (const f of names) {
    p += alpha + (inClass.get(f) ?? 0);
    q += alpha + (inRest.get(f) ?? 0);
  }
  return new Map(names.map((f) => [f, Math.log((alpha + (inClass.get(f) ?? 0)) / p / ((alpha + (inRest.get(f) ?? 0)) / q))]));
}

/**
 * NBSVM with a logistic loss, one class against the rest (NB-LR): per class, every feature value scaled by the
 * feature's log-count ratio for that class, a logistic regression fitted on the scaled values (fitLogistic),
 * and its weights multiplied back by the ratios, so the class score is linear in the unscaled features. The
 * class is the argmax of the three decision values. With the `hinge` loss, each class against the rest is a
 * linear SVM (fitMulticlass's multiclass hinge over two classes, its decision value the difference of the two). With `beta` < 1 the weights are interpolated toward their
 * mean magnitude, w' = (1 − β) w̄ + β w (Wang & Manning's interpolation; β = 1 none).
 */
export function fitNaiveBayesLogistic(
  items: readonly MulticlassItem[],
  classes: number,
  settings: FitSettings & { readonly alpha: number; readonly beta: number; readonly loss: "logistic" | "hinge" },
): MulticlassModel {
  const perClass = Array.from({ length: classes }, (_, c) => {
    const ratios = logCountRatios(items, c, settings.alpha);
    const scaled = items.map((item) => ({
      features: item.features,
      values: item.values.map((v, k) => v * ratios.get(item.features[k]!)!),
      positive: item.label === c,
    }));
    const model = settings.loss === "logistic" ? fitLogistic(scaled, settings) : fitHinge(scaled, settings);
    const weights = [...model.weights];
    const mean = weights.reduce((sum, [, w]) => sum + Math.abs(w), 0) / (weights.length || 1);
    const interpolated = (w: number) => (1 - settings.beta) * mean * Math.sign(w) + settings.beta * w;
    return { bias: model.bias, weights: new Map(weights.map(([f, w]) => [f, interpolated(w) * ratios.get(f)!])) };
  });
  const names = [...new Set(perClass.flatMap((m) => [...m.weights.keys()]))];
  return {
    bias: perClass.map((m) => m.bias),
    weights: new Map(names.map((f) => [f, perClass.map((m) => m.weights.get(f) ?? 0)])),
  };
}

/**
 * Complement naive Bayes with weight normalisation (Rennie et al. 2003, steps 4–9 of their Table 4, over the
 * given TF-IDF values): θ_c̄f = (α + Σ over items not of class c of the feature's value) / (α·n + Σ of every
 * value there), w_cf = ln θ_c̄f / Σ_f |ln θ_c̄f|, and class score −Σ_f x_f w_cf (no constants: every class
 * starts even). Features with a negative value (the Pattern score) count as their magnitude.
 */
export function fitComplementNaiveBayes(items: readonly MulticlassItem[], classes: number, alpha: number): MulticlassModel {
  const totals = Array.from({ length: classes }, () => new Map<string, number>());
  for (const item of items)
    item.features.forEach((f, k) => {
      const counts = totals[item.label]!;
      counts.set(f, (counts.get(f) ?? 0) + Math.abs(item.values[k]!));
    });
  const names = [...new Set(totals.flatMap((t) => [...t.keys()]))];
  const perClass = totals.map((_, c) => {
    const complement = new Map(names.map((f) => [f, totals.reduce((sum, t, other) => sum + (other === c ? 0 : (t.get(f) ?? 0)), 0)]));
    const all = [...complement.values()].reduce((sum, v) => sum + v, 0);
    const logs = new Map(names.map((f) => [f, Math.log((alpha + complement.get(f)!) / (alpha * names.length + all))]));
    const norm = [...logs.values()].reduce((sum, v) => sum + Math.abs(v), 0);
    return new Map(names.map((f) => [f, -logs.get(f)! / norm]));
  });
  return { bias: new Array<number>(classes).fill(0), weights: new Map(names.map((f) => [f, perClass.map((w) => w.get(f)!)])) };
}

/** A linear SVM of one class against the rest: the multiclass hinge over two classes, as one weight per feature (the second class's minus the first's). */
function fitHinge(items: readonly { features: readonly string[]; values: number[]; positive: boolean }[], settings: FitSettings) {
  const two = items.map((item) => ({ features: item.features, values: item.values, label: item.positive ? 1 : 0 }));
  const model = fitMulticlass(two, 2, { ...settings, loss: "hinge" });
  return { bias: model.bias[1]! - model.bias[0]!, weights: new Map([...model.weights].map(([f, [no, yes]]) => [f, yes! - no!])) };
}

/**
 * Multinomial logistic regression on naive-Bayes-scaled features: one scale per feature, the largest
 * magnitude of its three log-count ratios (how much it tells any class from the rest), the softmax fitted on
 * the scaled values and its weights multiplied back by the scales.
 */
export function fitNaiveBayesSoftmax(
  items: readonly MulticlassItem[],
  classes: number,
  settings: FitSettings & { readonly alpha: number },
): MulticlassModel {
  const ratios = Array.from({ length: classes }, (_, c) => logCountRatios(items, c, settings.alpha));
  const scale = new Map([...ratios[0]!.keys()].map((f) => [f, Math.max(...ratios.map((r) => Math.abs(r.get(f)!)))]));
  const scaled = items.map((item) => ({ ...item, values: item.values.map((v, k) => v * scale.get(item.features[k]!)!) }));
  const model = fitMulticlass(scaled, classes, { ...settings, loss: "softmax" });
  return { bias: model.bias, weights: new Map([...model.weights].map(([f, w]) => [f, w.map((x) => x * scale.get(f)!)])) };
}
