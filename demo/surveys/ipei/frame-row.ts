/** A row of the IPEI frame (questionnaires/ipei/frame.csv) as the demo's simulator reads it. */
export interface FrameRow {
  ea_id: string;
  island: string;
  island_code: number;
  municipality: string;
  municipality_iso: string;
  stratum: string;
  urban_rural: string;
  locality_label: string;
  households_2021: number;
  foreign_hh_2021: number;
  foreign_persons_2021: number | null;
  centroid_lat: number;
  centroid_lon: number;
}
