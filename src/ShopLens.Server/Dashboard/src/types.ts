// The JSON the server sends (snake_case), as far as the dashboard reads it. Shapes from
// src/ShopLens.Server/Endpoints/*.cs and Contracts/*.cs.

/** GET /v1/overview */
export interface Overview {
  customers: number;
  products: number;
  events: number;
  orders: number;
  first_time: string | null;
  last_time: string | null;
  buyers: number;
  revenue: number;
  buyer_share: number;
  events_by_type: Record<string, number>;
  top_categories: { category: string; events: number }[];
  lifecycle: Record<string, number>;
  churn_risk: { customers: number; share: number };
  value: { model: string; deciles: { decile: number; customers: number; mean_clv: number; total_clv: number }[] } | null;
  live_events: number;
}

export interface Segment {
  name: string;
  rule: string;
  customers: number;
  share: number;
  revenue: number;
  revenue_share: number;
  buyers: number;
  mean_recency_days: number | null;
  mean_frequency: number | null;
  mean_monetary: number | null;
}

/** GET /v1/segments */
export interface Segments {
  segmentations: { method: string; as_of: string | null; customers: number; segments: Segment[] }[];
}

export interface FunnelStep {
  step: number;
  name: string;
  customers: number;
  conversion: number | null;
  conversion_from_start: number | null;
  drop_off: number;
  drop_off_rate: number | null;
  median_time_to_step_s: number | null;
}

/** GET /v1/funnels */
export interface Funnel {
  funnel: string[];
  window: string;
  entered: number;
  converted: number;
  conversion: number | null;
  median_time_to_convert_s: number | null;
  steps: FunnelStep[];
}

/** GET /v1/cohorts */
export interface Cohorts {
  period: "month" | "week";
  by: string;
  metric: string;
  last_period_complete: boolean;
  cohorts: { start: string; size: number; values: number[]; rates: (number | null)[]; complete_periods: number }[];
}

/** GET /v1/customers/{id} */
export interface Customer {
  customer_id: string;
  first_seen: string | null;
  region: string | null;
  channel: string | null;
  age_band: string | null;
  activity: {
    events: number;
    events_by_type: Record<string, number>;
    sessions: number;
    first_event: string | null;
    last_event: string | null;
  };
  purchases: { orders: number; revenue: number; average_order_value: number | null; first_order: string | null; last_order: string | null; returns: number } | null;
  lifecycle_stage: string | null;
  segments: Record<string, string>;
  scores: Record<string, { probability: number; decile: number }>;
  value: Record<string, { p_alive: number | null; expected_orders: number | null; expected_spend: number; clv: number; next_order: string | null }>;
  recent_events: { type: string; product_id: string | null; timestamp: string }[];
  snapshot_at: string;
}

/** GET /v1/customers/{id}/recommendations */
export interface Recommendations {
  customer_id: string;
  model: string | null;
  trained_at: string | null;
  live_events: number;
  recommendations: { product_id: string; title: string; score: number; reason: string }[];
}

export interface PredictionCard {
  task: string;
  outcome: string;
  population: string;
  horizon_days: number;
  learner: string;
  calibration: string;
  test: { auc: number; auc_low: number; auc_high: number; pr_auc: number; base_rate: number; lift_top10: number };
  recency_baseline_auc: number | null;
  scored_customers: number;
  top_features: { feature: string; weight: number }[];
  confidence: string;
  confidence_reason: string | null;
  created_at: string;
}

/** GET /v1/models */
export interface Models {
  predictions: PredictionCard[];
  value_models: { model: string; trained_at: string; calibration_end: string; horizon_days: number; summary: Record<string, unknown> }[];
  recommenders: { model: string; setting: string; trained_at: string }[];
  served: { recommender: string | null; trained_at: string | null; snapshot_at: string };
  retraining: { running: boolean; last: { ended_at: string; model: string; setting: string | null; seconds: number; error: string | null } | null };
}
