/** The fields every stage carries on unchanged from the upload: the generation run, the review flag and the language. */
export interface CarriedTrace {
  runId?: string;
  reviewRequired?: boolean;
  language?: string;
}

/** The {@link CarriedTrace} fields `from` has (absent ones stay absent, as the event schemas want). */
export function carriedTrace(from: CarriedTrace): CarriedTrace {
  return {
    ...(from.runId === undefined ? {} : { runId: from.runId }),
    ...(from.reviewRequired === undefined ? {} : { reviewRequired: from.reviewRequired }),
    ...(from.language === undefined ? {} : { language: from.language }),
  };
}
